#include "Base64Packing.h"

#include <QCoreApplication>

#include <array>
#include <cstring>
#include <vector>

// The packed form:
//   the decoded bytes of every block, in order
//   the literal bytes (everything not in a block), in order
//   the header:
//     byte     format version (1)
//     varint   number of blocks
//     per block:
//       varint literal bytes before the block
//       varint decoded bytes of the block
//       varint characters per line (a multiple of 4)
//       byte   line break: 0 CRLF, 1 LF
//     varint   literal bytes after the last block
//   4 bytes: the header's size, little-endian
// The decoded bytes come first so that they are decoded straight into the
// output: a 50 MB message is not held a third time on the way. Binary and
// text each fill zstd blocks of their own. Varints are unsigned LEB128.
namespace Base64Packing {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Base64Packing)
};

constexpr quint8 FormatVersion = 1;
// Smaller blocks (an inline logo) gain less than the bookkeeping costs.
constexpr qsizetype MinBlockBytes = 2048;
// RFC 5322's limit; no MIME encoder writes longer base64 lines.
constexpr qsizetype MaxLineLength = 996;

enum class LineBreak : quint8 { CrLf = 0, Lf = 1 };

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr quint8 NotBase64 = 0xff;

constexpr std::array<quint8, 256> makeDecodeTable()
{
    std::array<quint8, 256> table {};
    for (quint8& value : table) {
        value = NotBase64;
    }
    for (int i = 0; i < 64; ++i) {
        table[static_cast<unsigned char>(Alphabet[i])] = static_cast<quint8>(i);
    }
    return table;
}

constexpr std::array<quint8, 256> DecodeTable = makeDecodeTable();

// The value of a character in each of the four places of a group, shifted
// into place; any character outside the alphabet sets the top byte. A group
// then decodes with four loads and three ORs, and one test finds a stray
// character anywhere in it.
constexpr quint32 NotBase64Bits = 0xff000000;

constexpr std::array<quint32, 256> makeShiftedTable(int shift)
{
    std::array<quint32, 256> table {};
    for (int c = 0; c < 256; ++c) {
        table[c] = DecodeTable[c] == NotBase64 ? NotBase64Bits : static_cast<quint32>(DecodeTable[c]) << shift;
    }
    return table;
}

constexpr std::array<quint32, 256> First = makeShiftedTable(18);
constexpr std::array<quint32, 256> Second = makeShiftedTable(12);
constexpr std::array<quint32, 256> Third = makeShiftedTable(6);
constexpr std::array<quint32, 256> Fourth = makeShiftedTable(0);

inline quint32 valueOf(char c)
{
    return DecodeTable[static_cast<unsigned char>(c)];
}

// Decodes one line of `length` characters into `out` if it is canonical
// base64. Returns the bytes written, or -1. `padded` tells whether the line
// ended with padding, which only the last line of a block may.
qsizetype decodeLine(const char* in, qsizetype length, char* out, bool* padded)
{
    if (length < 4 || length % 4 != 0) {
        return -1;
    }
    char* const start = out;
    const char* const last = in + length - 4;
    const auto* bytes = reinterpret_cast<const unsigned char*>(in);
    for (; in < last; in += 4, bytes += 4, out += 3) {
        const quint32 bits = First[bytes[0]] | Second[bytes[1]] | Third[bytes[2]] | Fourth[bytes[3]];
        if ((bits & NotBase64Bits) != 0) {
            return -1;
        }
        out[0] = static_cast<char>(bits >> 16);
        out[1] = static_cast<char>(bits >> 8);
        out[2] = static_cast<char>(bits);
    }
    // The last group may be padded; an encoder leaves the bits past the
    // last byte zero, and only then does re-encoding give the same text.
    const quint32 a = valueOf(in[0]);
    const quint32 b = valueOf(in[1]);
    if ((a | b) > 63) {
        return -1;
    }
    if (in[2] == '=') {
        if (in[3] != '=' || (b & 0x0f) != 0) {
            return -1;
        }
        *out++ = static_cast<char>(a << 2 | b >> 4);
        *padded = true;
        return out - start;
    }
    const quint32 c = valueOf(in[2]);
    if (c > 63) {
        return -1;
    }
    if (in[3] == '=') {
        if ((c & 0x03) != 0) {
            return -1;
        }
        const quint32 bits = a << 18 | b << 12 | c << 6;
        *out++ = static_cast<char>(bits >> 16);
        *out++ = static_cast<char>(bits >> 8);
        *padded = true;
        return out - start;
    }
    const quint32 d = valueOf(in[3]);
    if (d > 63) {
        return -1;
    }
    const quint32 bits = a << 18 | b << 12 | c << 6 | d;
    *out++ = static_cast<char>(bits >> 16);
    *out++ = static_cast<char>(bits >> 8);
    *out++ = static_cast<char>(bits);
    *padded = false;
    return out - start;
}

struct Line
{
    qsizetype begin = 0; // first character
    qsizetype length = 0; // characters before the line break
    qsizetype next = 0; // the start of the next line
    LineBreak lineBreak = LineBreak::Lf;
    bool terminated = false; // false for the last line without a line break
};

Line lineAt(const char* data, qsizetype size, qsizetype begin)
{
    Line line;
    line.begin = begin;
    const void* found = std::memchr(data + begin, '\n', static_cast<size_t>(size - begin));
    if (!found) {
        line.length = size - begin;
        line.next = size;
        return line;
    }
    const qsizetype newline = static_cast<const char*>(found) - data;
    line.terminated = true;
    line.next = newline + 1;
    if (newline > begin && data[newline - 1] == '\r') {
        line.lineBreak = LineBreak::CrLf;
        line.length = newline - 1 - begin;
    } else {
        line.length = newline - begin;
    }
    return line;
}

struct Block
{
    qsizetype begin = 0; // in the raw message
    qsizetype end = 0; // after the line break of its last line
    qsizetype decodedSize = 0;
    qsizetype lineLength = 0;
    LineBreak lineBreak = LineBreak::Lf;
};

// The line after `previous` inside `block`. Lines of a block all have the
// block's length, so its line break is looked for where it should be before
// the whole line is searched.
Line nextLine(const char* data, qsizetype size, const Line& previous, const Block& block)
{
    const qsizetype begin = previous.next;
    const qsizetype newline = begin + block.lineLength + (block.lineBreak == LineBreak::CrLf ? 1 : 0);
    if (newline < size && data[newline] == '\n' && (block.lineBreak == LineBreak::Lf) == (data[newline - 1] != '\r')) {
        Line line;
        line.begin = begin;
        line.length = block.lineLength;
        line.next = newline + 1;
        line.lineBreak = block.lineBreak;
        line.terminated = true;
        // Should the real line be shorter, its line break lies inside this
        // span and fails to decode: the block ends before that line, which
        // stays literal. Nothing is lost; a short last line followed by a
        // line break at just this place is merely not packed.
        return line;
    }
    return lineAt(data, size, begin);
}

// Reads the longest canonical block starting at the line at `begin` and
// decodes it to `out`, which has room for it. `*resume` is where the search
// goes on when the block is too small: a shorter block starting inside this
// one would end at the same line, so no line is read twice.
Block readBlock(const char* data, qsizetype size, qsizetype begin, char* out, qsizetype* resume)
{
    Block block;
    block.begin = begin;
    block.end = begin;
    const Line first = lineAt(data, size, begin);
    *resume = first.next;
    if (!first.terminated || first.length < 4 || first.length > MaxLineLength || first.length % 4 != 0) {
        return block;
    }
    block.lineLength = first.length;
    block.lineBreak = first.lineBreak;
    Line line = first;
    while (true) {
        bool padded = false;
        const qsizetype written = decodeLine(data + line.begin, line.length, out + block.decodedSize, &padded);
        if (written < 0) {
            break;
        }
        block.decodedSize += written;
        block.end = line.next;
        *resume = line.next;
        // A short or padded line ends the block.
        if (padded || line.length < block.lineLength || line.next >= size) {
            break;
        }
        line = nextLine(data, size, line, block);
        if (!line.terminated || line.lineBreak != block.lineBreak || line.length > block.lineLength) {
            break;
        }
    }
    return block;
}

// Compressed data uses nearly every byte value in any few kilobytes; text,
// even UTF-8, uses around a hundred.
bool looksCompressed(const char* data, qsizetype size)
{
    constexpr qsizetype SampleSize = 4096;
    constexpr int DistinctValues = 192;
    std::array<bool, 256> seen {};
    int distinct = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data);
    for (qsizetype i = 0; i < std::min(size, SampleSize); ++i) {
        distinct += seen[bytes[i]] ? 0 : 1;
        seen[bytes[i]] = true;
    }
    return distinct >= DistinctValues;
}

void appendVarint(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

bool readVarint(const QByteArray& in, qsizetype* position, quint64* value)
{
    *value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (*position >= in.size()) {
            return false;
        }
        const auto byte = static_cast<quint8>(in[(*position)++]);
        *value |= static_cast<quint64>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            return true;
        }
    }
    return false;
}

// The characters and line breaks `decodedSize` bytes are written as.
qint64 encodedSize(qint64 decodedSize, qint64 lineLength, LineBreak lineBreak)
{
    const qint64 bytesPerLine = lineLength / 4 * 3;
    const qint64 lines = (decodedSize + bytesPerLine - 1) / bytesPerLine;
    const qint64 characters = (decodedSize + 2) / 3 * 4;
    return characters + lines * (lineBreak == LineBreak::CrLf ? 2 : 1);
}

char* encodeBlock(const char* in, qint64 decodedSize, qint64 lineLength, LineBreak lineBreak, char* out)
{
    const qint64 bytesPerLine = lineLength / 4 * 3;
    const auto* bytes = reinterpret_cast<const unsigned char*>(in);
    qint64 remaining = decodedSize;
    while (remaining > 0) {
        const qint64 lineBytes = std::min(remaining, bytesPerLine);
        const unsigned char* const lineEnd = bytes + lineBytes / 3 * 3;
        for (; bytes < lineEnd; bytes += 3, out += 4) {
            const quint32 bits = static_cast<quint32>(bytes[0]) << 16 | static_cast<quint32>(bytes[1]) << 8 | bytes[2];
            out[0] = Alphabet[bits >> 18];
            out[1] = Alphabet[(bits >> 12) & 0x3f];
            out[2] = Alphabet[(bits >> 6) & 0x3f];
            out[3] = Alphabet[bits & 0x3f];
        }
        if (lineBytes % 3 == 1) {
            const quint32 bits = static_cast<quint32>(bytes[0]) << 16;
            out[0] = Alphabet[bits >> 18];
            out[1] = Alphabet[(bits >> 12) & 0x3f];
            out[2] = '=';
            out[3] = '=';
            bytes += 1;
            out += 4;
        } else if (lineBytes % 3 == 2) {
            const quint32 bits = static_cast<quint32>(bytes[0]) << 16 | static_cast<quint32>(bytes[1]) << 8;
            out[0] = Alphabet[bits >> 18];
            out[1] = Alphabet[(bits >> 12) & 0x3f];
            out[2] = Alphabet[(bits >> 6) & 0x3f];
            out[3] = '=';
            bytes += 2;
            out += 4;
        }
        if (lineBreak == LineBreak::CrLf) {
            *out++ = '\r';
        }
        *out++ = '\n';
        remaining -= lineBytes;
    }
    return out;
}

} // namespace

QByteArray pack(const QByteArray& raw, qsizetype* compressedEnd)
{
    const char* const data = raw.constData();
    const qsizetype size = raw.size();
    // Room for every byte the message could decode to, its literal bytes and
    // a header; untouched pages of it cost nothing.
    QByteArray packed(size + size / 64 + 64, Qt::Uninitialized);
    std::vector<Block> blocks;
    qsizetype decodedSize = 0;
    qsizetype position = 0;
    while (position < size) {
        qsizetype resume = 0;
        const Block block = readBlock(data, size, position, packed.data() + decodedSize, &resume);
        if (block.decodedSize >= MinBlockBytes) {
            blocks.push_back(block);
            decodedSize += block.decodedSize;
        }
        position = resume;
    }
    if (blocks.empty()) {
        return {};
    }
    if (compressedEnd) {
        const Block& last = blocks.back();
        *compressedEnd =
            looksCompressed(packed.constData() + decodedSize - last.decodedSize, last.decodedSize) ? decodedSize : 0;
    }

    char* out = packed.data() + decodedSize;
    qsizetype literalBegin = 0;
    for (const Block& block : blocks) {
        std::memcpy(out, data + literalBegin, static_cast<size_t>(block.begin - literalBegin));
        out += block.begin - literalBegin;
        literalBegin = block.end;
    }
    std::memcpy(out, data + literalBegin, static_cast<size_t>(size - literalBegin));
    out += size - literalBegin;
    packed.truncate(out - packed.constData());

    const qsizetype headerBegin = packed.size();
    packed += static_cast<char>(FormatVersion);
    appendVarint(packed, blocks.size());
    literalBegin = 0;
    for (const Block& block : blocks) {
        appendVarint(packed, static_cast<quint64>(block.begin - literalBegin));
        appendVarint(packed, static_cast<quint64>(block.decodedSize));
        appendVarint(packed, static_cast<quint64>(block.lineLength));
        packed += static_cast<char>(block.lineBreak);
        literalBegin = block.end;
    }
    appendVarint(packed, static_cast<quint64>(size - literalBegin));
    const auto headerSize = static_cast<quint32>(packed.size() - headerBegin);
    for (int shift = 0; shift < 32; shift += 8) {
        packed += static_cast<char>((headerSize >> shift) & 0xff);
    }
    return packed;
}

bool unpack(const QByteArray& packed, qint64 rawSize, QByteArray* raw, QString* error)
{
    struct PackedBlock
    {
        quint64 literalBefore = 0;
        quint64 decodedSize = 0;
        quint64 lineLength = 0;
        LineBreak lineBreak = LineBreak::Lf;
    };
    const auto damaged = [error] {
        *error = Tr::tr("damaged packed message");
        return false;
    };
    if (packed.size() < 5) {
        return damaged();
    }
    quint32 headerSize = 0;
    for (int i = 0; i < 4; ++i) {
        headerSize |= static_cast<quint32>(static_cast<quint8>(packed[packed.size() - 4 + i])) << (8 * i);
    }
    if (headerSize == 0 || headerSize > static_cast<quint64>(packed.size()) - 4) {
        return damaged();
    }
    const qsizetype payloadSize = packed.size() - 4 - static_cast<qsizetype>(headerSize);
    const QByteArray header = packed.sliced(payloadSize, headerSize);
    qsizetype position = 0;
    if (static_cast<quint8>(header[position++]) != FormatVersion) {
        *error = Tr::tr("unknown packing format");
        return false;
    }
    quint64 count = 0;
    // Each block takes at least four bytes of header.
    if (!readVarint(header, &position, &count) || count > headerSize / 4) {
        return damaged();
    }
    std::vector<PackedBlock> blocks(count);
    qint64 total = 0;
    qint64 decodedTotal = 0;
    qint64 literalTotal = 0;
    for (PackedBlock& block : blocks) {
        if (!readVarint(header, &position, &block.literalBefore) || !readVarint(header, &position, &block.decodedSize)
            || !readVarint(header, &position, &block.lineLength) || position >= header.size()) {
            return damaged();
        }
        const auto lineBreak = static_cast<quint8>(header[position++]);
        if (lineBreak > 1 || block.lineLength < 4 || block.lineLength > MaxLineLength || block.lineLength % 4 != 0
            || block.decodedSize == 0 || block.literalBefore > static_cast<quint64>(rawSize)
            || block.decodedSize > static_cast<quint64>(rawSize)) {
            return damaged();
        }
        block.lineBreak = static_cast<LineBreak>(lineBreak);
        const auto decodedSize = static_cast<qint64>(block.decodedSize);
        total += static_cast<qint64>(block.literalBefore)
            + encodedSize(decodedSize, static_cast<qint64>(block.lineLength), block.lineBreak);
        decodedTotal += decodedSize;
        literalTotal += static_cast<qint64>(block.literalBefore);
        if (total > rawSize) {
            return damaged();
        }
    }
    quint64 literalAfter = 0;
    if (!readVarint(header, &position, &literalAfter) || position != header.size()
        || literalAfter > static_cast<quint64>(rawSize)) {
        return damaged();
    }
    total += static_cast<qint64>(literalAfter);
    literalTotal += static_cast<qint64>(literalAfter);
    if (total != rawSize || decodedTotal + literalTotal != payloadSize) {
        return damaged();
    }

    raw->resize(static_cast<qsizetype>(rawSize));
    char* out = raw->data();
    const char* binary = packed.constData();
    const char* literal = binary + decodedTotal;
    for (const PackedBlock& block : blocks) {
        std::memcpy(out, literal, block.literalBefore);
        out += block.literalBefore;
        literal += block.literalBefore;
        out = encodeBlock(binary,
                          static_cast<qint64>(block.decodedSize),
                          static_cast<qint64>(block.lineLength),
                          block.lineBreak,
                          out);
        binary += block.decodedSize;
    }
    std::memcpy(out, literal, literalAfter);
    return true;
}

} // namespace Base64Packing
