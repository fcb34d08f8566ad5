using System.Diagnostics;

namespace Dice.Runtime.Tests;

/// <summary>
/// A test that needs <c>mpirun</c>: reported as skipped, with the command that installs it, where OpenMPI is missing,
/// except under CI (<c>CI=true</c>), where it runs and fails instead (.ci/run installs OpenMPI first).
/// </summary>
public sealed class MpiFactAttribute : FactAttribute
{
    public MpiFactAttribute()
    {
        if (MpiJob.MpirunPath is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "mpirun was not found: install OpenMPI (apt-get install -y openmpi-bin) to run the MPI tests";
    }
}

/// <summary>
/// Data-parallel training across real processes: <c>mpirun -np 2</c> and <c>-np 3</c> start tests/MpiWorker, each rank
/// holding an unequal part of one batch; every rank must get the one-process loss and its exact gradient slice through
/// <c>Dice.Mpi.MpiReducer</c> (five losses: per-sample and batch Dice, CE, weighted BCE on masks, Generalized Dice, batch
/// Tversky + focal), and the whole validation set's metrics (SegmentationMetrics.Reduce). And bad input on one rank
/// ends the job instead of leaving the others waiting.
/// </summary>
public class MpiTests
{
    [MpiFact]
    public void Two_processes_with_unequal_parts_get_the_one_process_loss_and_gradient() => AllRanksAgree(2, "1,3");

    [MpiFact]
    public void Three_processes_with_a_part_of_one_sample_get_the_one_process_loss_and_gradient() => AllRanksAgree(3, "2,1,2");

    private static void AllRanksAgree(int processes, string parts)
    {
        var (exitCode, output) = MpiJob.Run(processes, "parity", parts);
        Assert.True(exitCode == 0, $"mpirun exited with {exitCode}:\n{output}");
        string[] lines = output.Split('\n');
        // Five losses on every rank, each OK (the worker compares with the whole batch in one process).
        Assert.Equal(5 * processes, lines.Count(l => l.Contains(" OK samples ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("FAIL", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("all-reduce of 22 doubles", StringComparison.Ordinal));
        // Validation metrics merged through their Values: the whole set's on every rank.
        Assert.Equal(processes, lines.Count(l => l.Contains("validation metrics: OK", StringComparison.Ordinal)));
    }

    [MpiFact]
    public void A_NaN_on_one_rank_throws_there_and_ends_the_job()
    {
        var (exitCode, output) = MpiJob.Run(2, "nan", "2,2");
        // mpirun ends the job with the code rank 1 passed to MPI_Abort (its banner about the abort is not always
        // printed before the processes are killed, so the exit code is what the test reads).
        Assert.True(exitCode == 3, $"mpirun exited with {exitCode}, not the Abort code 3:\n{output}");
        Assert.Contains("rank 1/2 Dice + CE per sample: ArgumentException: input[514] at (n = 0, c = 2, s = 0) is NaN", output);
    }
}

/// <summary>Starts tests/MpiWorker under mpirun and collects its output, killing the whole tree past a timeout.</summary>
internal static class MpiJob
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string? MpirunPath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator)
        .Select(directory => Path.Combine(directory, "mpirun"))
        .FirstOrDefault(File.Exists);

    public static (int ExitCode, string Output) Run(int processes, string mode, string parts)
    {
        Assert.True(MpirunPath is not null, "mpirun was not found: install OpenMPI (apt-get install -y openmpi-bin)");
        var start = new ProcessStartInfo(MpirunPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--allow-run-as-root", "--oversubscribe", "-np", processes.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", WorkerPath(), mode, parts })
            start.ArgumentList.Add(argument);
        start.Environment["TERM"] = "dumb";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"mpirun -np {processes} did not finish in {Timeout}; killed. Output so far:\n{output.Result}\n{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>tests/MpiWorker's build output of this test run's configuration.</summary>
    private static string WorkerPath()
    {
        string baseDirectory = AppContext.BaseDirectory;
        string configuration = baseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var directory = new DirectoryInfo(baseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dice.Gen.sln"))) directory = directory.Parent;
        Assert.True(directory is not null, $"no Dice.Gen.sln above {baseDirectory}");
        string path = Path.Combine(directory!.FullName, "tests", "MpiWorker", "bin", configuration, "net10.0", "MpiWorker.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (tests/MpiWorker) first");
        return path;
    }
}
