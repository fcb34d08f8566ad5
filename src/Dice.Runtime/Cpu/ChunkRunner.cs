using System.Runtime.ExceptionServices;

namespace Dice;

/// <summary>Work on chunk <c>index</c> of a pass.</summary>
internal interface IChunkBody
{
    void Execute(int index);
}

/// <summary>
/// A fork-join over chunk indices that allocates nothing per call: the caller and up to
/// <c>threads - 1</c> thread-pool workers claim chunks with an interlocked counter until none is left.
/// Which thread runs a chunk does not matter: each chunk writes only its own slot, and the caller
/// combines the slots in chunk order afterwards. One runner per calling thread is reused.
/// </summary>
internal sealed class ChunkRunner : IThreadPoolWorkItem
{
    [ThreadStatic]
    private static ChunkRunner? t_runner;

    private readonly ManualResetEventSlim _workersDone = new(false);
    private IChunkBody? _body;
    private int _count;
    private int _next;
    private int _pendingWorkers;
    private Exception? _error;

    public static void Run(int count, int threads, IChunkBody body)
    {
        int workers = Math.Min(count, threads) - 1;
        if (workers <= 0)
        {
            for (int i = 0; i < count; i++) body.Execute(i);
            return;
        }

        ChunkRunner runner = t_runner ??= new ChunkRunner();
        runner._body = body;
        runner._count = count;
        runner._next = -1;
        runner._error = null;
        runner._pendingWorkers = workers;
        runner._workersDone.Reset();
        for (int w = 0; w < workers; w++) ThreadPool.UnsafeQueueUserWorkItem(runner, preferLocal: false);
        runner.Work();

        // Every queued worker must have checked in before the runner (and the caller's pinned buffers) are reused.
        runner._workersDone.Wait();
        runner._body = null;
        if (runner._error is { } error) ExceptionDispatchInfo.Throw(error);
    }

    void IThreadPoolWorkItem.Execute()
    {
        Work();
        if (Interlocked.Decrement(ref _pendingWorkers) == 0) _workersDone.Set();
    }

    private void Work()
    {
        IChunkBody body = _body!;
        int index;
        while ((index = Interlocked.Increment(ref _next)) < _count)
        {
            try
            {
                body.Execute(index);
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref _error, error, null);
                Volatile.Write(ref _next, _count);
            }
        }
    }
}
