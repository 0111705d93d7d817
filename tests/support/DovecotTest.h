#pragma once

#include "DovecotServer.h"

#include <gtest/gtest.h>

#include <memory>

// Base for tests against a real Dovecot: each test gets a fresh server with
// the user "test". When the server cannot start the test fails with the
// reason and Dovecot's log; it never skips.
class DovecotTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_server = std::make_unique<DovecotServer>();
        QString error;
        ASSERT_TRUE(m_server->start(&error)) << "The test IMAP server did not start: " << error.toStdString();
    }

    void TearDown() override { m_server.reset(); }

    DovecotServer& server() const { return *m_server; }

private:
    std::unique_ptr<DovecotServer> m_server;
};
