// A TCP relay on loopback that delays every chunk by a fixed time in each
// direction, so benchmarks can see what a 20 ms round trip does to an
// import (netem is not available on these machines). It accepts on
// 127.0.0.1 only and exits when its parent shell ends it.
// Usage: bench-delay-proxy LISTEN_PORT TARGET_PORT ONE_WAY_DELAY_MS
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <memory>

namespace {

// One direction of one connection: bytes read from `from` are written to
// `to` once they are `delayMs` old, in order.
class DelayedPipe : public QObject
{
public:
    DelayedPipe(QTcpSocket* from, QTcpSocket* to, int delayMs, QObject* parent)
        : QObject(parent)
        , m_from(from)
        , m_to(to)
        , m_delayMs(delayMs)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &DelayedPipe::release);
        connect(m_from, &QTcpSocket::readyRead, this, &DelayedPipe::take);
    }

private:
    void take()
    {
        m_queue.push_back({QDeadlineTimer(m_delayMs, Qt::PreciseTimer), m_from->readAll()});
        if (!m_timer.isActive()) {
            m_timer.start(static_cast<int>(m_queue.front().due.remainingTime()));
        }
    }

    void release()
    {
        while (!m_queue.empty() && m_queue.front().due.hasExpired()) {
            m_to->write(m_queue.front().data);
            m_queue.pop_front();
        }
        if (!m_queue.empty()) {
            m_timer.start(static_cast<int>(m_queue.front().due.remainingTime()));
        }
    }

    struct Chunk
    {
        QDeadlineTimer due;
        QByteArray data;
    };

    QTcpSocket* m_from;
    QTcpSocket* m_to;
    int m_delayMs;
    QTimer m_timer;
    std::deque<Chunk> m_queue;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        qCritical("usage: bench-delay-proxy LISTEN_PORT TARGET_PORT ONE_WAY_DELAY_MS");
        return 2;
    }
    const auto listenPort = static_cast<quint16>(args.at(1).toUInt());
    const auto targetPort = static_cast<quint16>(args.at(2).toUInt());
    const int delayMs = args.at(3).toInt();

    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, listenPort)) {
        qCritical("cannot listen on 127.0.0.1:%u", listenPort);
        return 1;
    }
    QObject::connect(&server, &QTcpServer::newConnection, &app, [&] {
        while (QTcpSocket* client = server.nextPendingConnection()) {
            auto* upstream = new QTcpSocket(client);
            // TCP_NODELAY only takes once connected (socket-lab pitfall 4);
            // without it Nagle and delayed ACKs would add their own 40 ms.
            QObject::connect(upstream, &QTcpSocket::connected, upstream, [upstream] {
                upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            });
            client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            new DelayedPipe(client, upstream, delayMs, client);
            new DelayedPipe(upstream, client, delayMs, client);
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, targetPort);
        }
    });
    return QCoreApplication::exec();
}
