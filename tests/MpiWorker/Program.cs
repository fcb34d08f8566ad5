using System.Diagnostics;
using System.Globalization;
using Dice;
using Dice.Mpi;
using Dice.MpiWorker;

// One rank of a data-parallel job, started by the MPI tests:
//   mpirun -np K dotnet MpiWorker.dll parity C1,C2,...,CK   each rank holds C_rank samples of one batch; every rank must
//                                                         get the one-process loss and its exact gradient slice
//   mpirun -np K dotnet MpiWorker.dll nan C1,...,CK        rank 1 holds a NaN: it reports the error and aborts the job
// Prints one line per rank and check; exits 0 only when every check of this rank passed.
string mode = args[0];
int[] counts = args[1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
using var reducer = new MpiReducer();
if (reducer.Size != counts.Length)
{
    Console.WriteLine($"rank {reducer.Rank}: started with {reducer.Size} processes but given {counts.Length} parts");
    return 2;
}

int first = counts.Take(reducer.Rank).Sum(), mine = counts[reducer.Rank], total = counts.Sum();
bool ok = true;
foreach (Check check in Check.All)
{
    try
    {
        string line = check.Run(reducer, first, mine, total, poison: mode == "nan" && reducer.Rank == 1);
        Console.WriteLine($"rank {reducer.Rank}/{reducer.Size} {check.Name}: {line}");
        ok &= line.StartsWith("OK", StringComparison.Ordinal);
    }
    catch (ArgumentException error)
    {
        // Bad input on this rank: the others wait in their all-reduce, so the job must end here.
        Console.WriteLine($"rank {reducer.Rank}/{reducer.Size} {check.Name}: {error.GetType().Name}: {error.Message}");
        Console.Out.Flush();
        reducer.Abort(3);
    }
}

if (mode == "parity")
{
    string line = MetricsCheck.Run(reducer, first, mine, total);
    Console.WriteLine($"rank {reducer.Rank}/{reducer.Size} validation metrics: {line}");
    ok &= line.StartsWith("OK", StringComparison.Ordinal);
}

if (mode == "parity" && reducer.Rank == 0)
{
    // The cost of one all-reduce of a loss's statistics (C = 4: 22 doubles) at this size of job.
    var values = new double[22];
    for (int i = 0; i < 100; i++) reducer.Sum(values);
    var watch = Stopwatch.StartNew();
    const int calls = 2000;
    for (int i = 0; i < calls; i++) reducer.Sum(values);
    Console.WriteLine($"rank 0/{reducer.Size} all-reduce of {values.Length} doubles: {watch.Elapsed.TotalMicroseconds / calls:F1} us per call");
}
else if (mode == "parity")
{
    var values = new double[22];
    for (int i = 0; i < 2100; i++) reducer.Sum(values);
}

return ok ? 0 : 1;
