#pragma once

#include <QThread>

#include <memory>

// A QThread that is told to quit and joined when its owner lets it go: a
// worker thread never outlives the object that started it.
struct QuitAndJoin
{
    void operator()(QThread* thread) const
    {
        thread->quit();
        thread->wait();
        delete thread;
    }
};

using JoinedThread = std::unique_ptr<QThread, QuitAndJoin>;
