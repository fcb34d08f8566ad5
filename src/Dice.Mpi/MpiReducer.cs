using System.Runtime.InteropServices;
using System.Text;

namespace Dice.Mpi;

/// <summary>
/// Sums over the processes of an MPI job (MPI_COMM_WORLD) with <c>MPI_Allreduce</c> in place: a Dice.Gen loss's
/// statistics (<see cref="IStatisticsReducer"/>), and the caller's own parameter gradients. Binds the system's OpenMPI
/// (<c>libmpi.so.40</c>) at run time; docs/distributed.md shows a whole training step.
/// </summary>
/// <remarks>
/// Collective: every process must make the same calls in the same order, with vectors of the same length. A process
/// that stops calling (an exception on bad input, say) leaves the others waiting in their next call; end the whole job
/// with <see cref="Abort"/> (or let <c>mpirun</c> end it when a process exits with an error).
/// </remarks>
public sealed unsafe class MpiReducer : IStatisticsReducer, IDisposable
{
    private readonly bool _initializedHere;
    private bool _disposed;

    /// <summary>Initializes MPI unless it already is (MPI allows it once per process) and reads this process's rank and the job's size.</summary>
    /// <exception cref="DllNotFoundException">No MPI library is installed; the message names the package to install.</exception>
    /// <exception cref="MpiException">An MPI call failed.</exception>
    public MpiReducer()
    {
        int initialized;
        Check(Mpi.Library.Initialized(&initialized), "MPI_Initialized");
        if (initialized == 0)
        {
            Check(Mpi.Library.Init(null, null), "MPI_Init");
            _initializedHere = true;
        }

        int rank, size;
        Check(Mpi.Library.CommRank(Mpi.Library.CommWorld, &rank), "MPI_Comm_rank");
        Check(Mpi.Library.CommSize(Mpi.Library.CommWorld, &size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
    }

    /// <summary>This process's rank in MPI_COMM_WORLD, from 0.</summary>
    public int Rank { get; }

    /// <summary>The number of processes in MPI_COMM_WORLD.</summary>
    public int Size { get; }

    /// <summary>Replaces <paramref name="values"/> on every process with their element-wise sum over all processes (MPI_Allreduce, MPI_IN_PLACE, MPI_SUM).</summary>
    public void Sum(Span<double> values)
    {
        fixed (double* data = values) AllReduce(data, values.Length, sizeof(double), Mpi.Library.Double);
    }

    /// <summary>
    /// The same for floats: the caller's parameter gradients. Sum them, do not average them: each process's loss gradient
    /// is already its share of the global loss's (docs/distributed.md).
    /// </summary>
    public void Sum(Span<float> values)
    {
        fixed (float* data = values) AllReduce(data, values.Length, sizeof(float), Mpi.Library.Float);
    }

    /// <summary>Ends every process of the job with <paramref name="errorCode"/> (MPI_Abort): what a process that cannot go on must call, or the others wait for it forever.</summary>
    public void Abort(int errorCode) => Check(Mpi.Library.Abort(Mpi.Library.CommWorld, errorCode), "MPI_Abort");

    /// <summary>Finalizes MPI if this instance initialized it (and nothing finalized it since).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_initializedHere) return;
        int finalized;
        Check(Mpi.Library.Finalized(&finalized), "MPI_Finalized");
        if (finalized == 0) Check(Mpi.Library.Finalize(), "MPI_Finalize");
    }

    private void AllReduce(void* data, int length, int elementSize, nint type)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // MPI counts are ints: longer vectors go in pieces (none of Dice.Gen's do).
        const int piece = int.MaxValue / 2;
        for (long offset = 0; offset < length; offset += piece)
        {
            int count = (int)Math.Min(piece, length - offset);
            Check(Mpi.Library.Allreduce(Mpi.InPlace, (byte*)data + offset * elementSize, count, type, Mpi.Library.SumOp, Mpi.Library.CommWorld), "MPI_Allreduce");
        }
    }

    private static void Check(int code, string call)
    {
        if (code != 0) throw new MpiException(call, code, Mpi.Library.ErrorText(code));
    }
}

/// <summary>An MPI call that returned an error code.</summary>
public sealed class MpiException : Exception
{
    internal MpiException(string call, int code, string text)
        : base($"{call} failed with MPI error {code}: {text}")
    {
        Call = call;
        Code = code;
    }

    /// <summary>The MPI function that failed.</summary>
    public string Call { get; }

    /// <summary>Its error code.</summary>
    public int Code { get; }
}

/// <summary>
/// The thin binding: OpenMPI's functions through function pointers, its handles (MPI_COMM_WORLD, MPI_DOUBLE, MPI_FLOAT,
/// MPI_SUM) as the addresses of the exported globals they are in OpenMPI's ABI (<c>ompi_mpi_comm_world</c>, ...).
/// Loaded once, on first use.
/// </summary>
internal sealed unsafe class Mpi
{
    /// <summary>The library names tried in turn: OpenMPI 3 and later, then an unversioned development link.</summary>
    private static readonly string[] LibraryNames = ["libmpi.so.40", "libmpi.so"];

    /// <summary>MPI_IN_PLACE in OpenMPI.</summary>
    public static readonly void* InPlace = (void*)1;

    private static readonly Lazy<Mpi> Loaded = new(() => new Mpi());

    public static Mpi Library => Loaded.Value;

    private readonly delegate* unmanaged<int*, int> _initialized;
    private readonly delegate* unmanaged<int*, byte***, int> _init;
    private readonly delegate* unmanaged<int*, int> _finalized;
    private readonly delegate* unmanaged<int> _finalize;
    private readonly delegate* unmanaged<nint, int*, int> _commRank;
    private readonly delegate* unmanaged<nint, int*, int> _commSize;
    private readonly delegate* unmanaged<void*, void*, int, nint, nint, nint, int> _allreduce;
    private readonly delegate* unmanaged<nint, int, int> _abort;
    private readonly delegate* unmanaged<int, byte*, int*, int> _errorString;

    private Mpi()
    {
        nint handle = 0;
        if (!LibraryNames.Any(name => NativeLibrary.TryLoad(name, out handle)))
        {
            throw new DllNotFoundException(
                $"No MPI library was found ({string.Join(", ", LibraryNames)}). Dice.Mpi binds OpenMPI: install it with " +
                "'apt-get install -y openmpi-bin' (Debian, Ubuntu) or 'dnf install openmpi' (Fedora), and start the job with mpirun.");
        }

        nint Export(string name) => NativeLibrary.TryGetExport(handle, name, out nint address)
            ? address
            : throw new EntryPointNotFoundException($"The MPI library has no '{name}': Dice.Mpi needs OpenMPI (libmpi.so.40), whose handles are exported globals.");

        _initialized = (delegate* unmanaged<int*, int>)Export("MPI_Initialized");
        _init = (delegate* unmanaged<int*, byte***, int>)Export("MPI_Init");
        _finalized = (delegate* unmanaged<int*, int>)Export("MPI_Finalized");
        _finalize = (delegate* unmanaged<int>)Export("MPI_Finalize");
        _commRank = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_rank");
        _commSize = (delegate* unmanaged<nint, int*, int>)Export("MPI_Comm_size");
        _allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Export("MPI_Allreduce");
        _abort = (delegate* unmanaged<nint, int, int>)Export("MPI_Abort");
        _errorString = (delegate* unmanaged<int, byte*, int*, int>)Export("MPI_Error_string");
        CommWorld = Export("ompi_mpi_comm_world");
        Double = Export("ompi_mpi_double");
        Float = Export("ompi_mpi_float");
        SumOp = Export("ompi_mpi_op_sum");
    }

    public nint CommWorld { get; }
    public nint Double { get; }
    public nint Float { get; }
    public nint SumOp { get; }

    public int Initialized(int* flag) => _initialized(flag);
    public int Init(int* argc, byte*** argv) => _init(argc, argv);
    public int Finalized(int* flag) => _finalized(flag);
    public int Finalize() => _finalize();
    public int CommRank(nint comm, int* rank) => _commRank(comm, rank);
    public int CommSize(nint comm, int* size) => _commSize(comm, size);
    public int Allreduce(void* send, void* receive, int count, nint type, nint op, nint comm) => _allreduce(send, receive, count, type, op, comm);
    public int Abort(nint comm, int code) => _abort(comm, code);

    /// <summary>MPI_Error_string of <paramref name="code"/>.</summary>
    public string ErrorText(int code)
    {
        const int MaxErrorString = 256; // MPI_MAX_ERROR_STRING in OpenMPI
        byte* text = stackalloc byte[MaxErrorString];
        int length = 0;
        return _errorString(code, text, &length) == 0 ? Encoding.ASCII.GetString(text, Math.Clamp(length, 0, MaxErrorString)) : "(no error text)";
    }
}
