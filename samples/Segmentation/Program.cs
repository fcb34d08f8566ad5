using System.Diagnostics;
using System.Globalization;
using Dice;
using Dice.Mpi;
using Segmentation;
using Spectre.Console;

// dotnet run --project samples/Segmentation [-- --epochs N --size N --train N --test N --batch N --lr X
//                                              --device cpu|cuda|ilgpu-cpu --out DIR --seed N --compare
//                                              --sweep-alpha A,B,... | --data-parallel]
// Data-parallel (docs/distributed.md): mpirun -np 2 dotnet samples/Segmentation/bin/Release/net10.0/Segmentation.dll --data-parallel
var options = SampleOptions.Parse(args);
if (options is null) return 2;
Directory.CreateDirectory(options.Output);

var train = SyntheticShapes.Generate(options.Train, options.Size, options.Seed);
var test = SyntheticShapes.Generate(options.Test, options.Size, options.Seed + 1);
using DiceEngine? engine = options.Device switch
{
    "cpu" => null,
    "cuda" => DiceEngine.Create(DiceDevice.Cuda),
    _ => DiceEngine.Create(DiceDevice.IlgpuCpu),
};

AnsiConsole.MarkupLine($"[bold]Dice.Gen segmentation sample[/]: {train.Count} training and {test.Count} held-out {options.Size}x{options.Size} images, " +
    $"foreground {train.ForegroundFraction:P1} of the pixels; loss on [green]{Markup.Escape(engine?.DeviceName ?? $"CPU ({Environment.ProcessorCount} cores, SIMD)")}[/].");

if (options.DataParallel)
{
    // Each process trains on its slice of every batch: the loss sees the whole batch through its summed statistics,
    // and the parameter gradients are summed over processes, so every process takes the same Adam step.
    using var mpi = new MpiReducer();
    if (mpi.Rank != 0) AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
    var parallel = new DataParallel(mpi.Rank, mpi.Size, gradient => mpi.Sum(gradient), Validation: mpi);
    LossStep step = engine is null
        ? (logits, labels, grad, batch) => DiceCeLoss.ForwardBackward(logits, labels, grad, batch, reducer: mpi)
        : (logits, labels, grad, batch) => engine.ForwardBackward<DiceCeLoss>(logits, labels, grad, batch, reducer: mpi);
    string name = mpi.Size == 1 ? "1 process" : $"{mpi.Size} processes";
    var run = Train($"Dice + CE, {name}, batch {options.Batch}", step, options, train, test, parallel);
    if (mpi.Rank == 0)
    {
        PrintClassMetrics(new[] { run });
        string csv = Path.Combine(options.Output, $"data-parallel-{mpi.Size}.csv");
        File.WriteAllLines(csv, ["epoch,loss,held-out Dice", .. run.Epochs.Select((e, i) =>
            string.Format(CultureInfo.InvariantCulture, "{0},{1:R},{2:R}", i + 1, e.Loss, run.HeldOutDice[i]))]);
        // Every run of this mode in the output folder, in one plot: one process against several, same global batch.
        var curves = Directory.GetFiles(options.Output, "data-parallel-*.csv").Order(StringComparer.Ordinal).ToDictionary(
            file => Path.GetFileNameWithoutExtension(file)["data-parallel-".Length..] is var k && k == "1" ? "1 process" : $"{k} processes",
            file => File.ReadLines(file).Skip(1).Select(line => double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture)).ToList());
        string path = Path.Combine(options.Output, "data-parallel.png");
        Pictures.Comparison(path, curves);
        AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(csv)}[/] and [blue]{Markup.Escape(path)}[/] ({curves.Count} runs).");
    }
}
else if (options.SweepAlpha is { } alphas)
{
    // One compiled loss, one training per Alpha: the hyperparameter is data (LossParameters), not a recompile.
    var runs = alphas.Select(alpha => Train(
        string.Format(CultureInfo.InvariantCulture, "Alpha = {0}", alpha),
        Trainer.Step<DiceCeLoss>(engine, DiceCeLoss.Spec.Parameters with { Alpha = alpha }),
        options, train, test)).ToList();
    PrintClassMetrics(runs);
    string path = Path.Combine(options.Output, "sweep-alpha.png");
    Pictures.Sweep(path, "Alpha (weight of the cross-entropy term)", alphas.Select(a => (double)a).ToArray(),
        runs.Select(r => r.HeldOutDice[^1]).ToArray(), options.Epochs);
    AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(path)}[/].");
}
else if (!options.Compare)
{
    var run = Train("Dice + CE", Trainer.Step<DiceCeLoss>(engine), options, train, test);
    PrintClassMetrics(new[] { run });
    string curve = Path.Combine(options.Output, "loss-curve.png");
    string grid = Path.Combine(options.Output, "predictions.png");
    Pictures.LossCurve(curve, run.Epochs, run.HeldOutDice, "Dice + CE");
    Pictures.Grid(grid, test, Enumerable.Range(0, Math.Min(4, test.Count)).ToArray(), i => Predict(run.Trainer, test, i));
    AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(curve)}[/] and [blue]{Markup.Escape(grid)}[/].");
}
else
{
    var runs = new[]
    {
        Train("Dice alone", Trainer.Step<DiceOnlyLoss>(engine), options, train, test),
        Train("CE alone", Trainer.Step<CrossEntropyOnlyLoss>(engine), options, train, test),
        Train("Dice + CE", Trainer.Step<DiceCeLoss>(engine), options, train, test),
        // Label smoothing is data: the same compiled loss, with PyTorch's label_smoothing = 0.1 given per call.
        Train("Dice + CE, label smoothing 0.1", Trainer.Step<DiceCeLoss>(engine, DiceCeLoss.Spec.Parameters with { LabelSmoothing = 0.1f }), options, train, test),
        // The U-Net border weight map, from each batch's labels, as pixel weights.
        Train("Dice + CE, border weights", BorderWeights.Step<BorderWeightedDiceCeLoss>(engine, options.Size), options, train, test),
        Train("Tversky(0.3, 0.7) + CE", Trainer.Step<TverskyCeLoss>(engine), options, train, test),
        Train("Dice + focal", Trainer.Step<DiceFocalLoss>(engine), options, train, test),
        Train("Generalized Dice", Trainer.Step<GeneralizedDiceLoss>(engine), options, train, test),
    };
    PrintClassMetrics(runs);
    string path = Path.Combine(options.Output, "compare.png");
    Pictures.Comparison(path, runs.ToDictionary(r => r.Name, r => r.HeldOutDice));
    AnsiConsole.MarkupLine($"Wrote [blue]{Markup.Escape(path)}[/].");
}

return 0;

static TrainingRun Train(string name, LossStep loss, SampleOptions options, SyntheticShapes train, SyntheticShapes test, DataParallel? parallel = null)
{
    var network = new Network(options.Size, options.Seed);
    var trainer = new Trainer(network, loss, options.LearningRate, options.Batch, parallel);
    var run = new TrainingRun(name, trainer);
    var random = new Random(options.Seed);
    var watch = Stopwatch.StartNew();
    void Epochs(ProgressTask? task)
    {
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            EpochResult result = trainer.TrainEpoch(train, random, partial =>
            {
                if (task is null) return;
                task.Increment(1);
                task.Description = Markup.Escape(string.Format(CultureInfo.InvariantCulture,
                    "{0}  epoch {1}/{2}  loss {3:F4}  Dice {4:F3}", name, epoch, options.Epochs, partial.Loss, partial.MeanDice));
            });
            double heldOut = trainer.Evaluate(test).DatasetDice.Skip(1).Average();
            run.Epochs.Add(result);
            run.HeldOutDice.Add(heldOut);
            AnsiConsole.MarkupLine(string.Format(CultureInfo.InvariantCulture,
                "  {0}: epoch {1,3}  loss {2:F4}  soft Dice {3:F3}  held-out Dice {4:F3}", Markup.Escape(name), epoch, result.Loss, result.MeanDice, heldOut));
        }
    }

    // A live progress bar on a terminal; redirected output (a log, CI) gets the one line per epoch alone, since a
    // progress display that cannot redraw would print itself again and again.
    if (!AnsiConsole.Profile.Capabilities.Interactive)
    {
        Epochs(null);
    }
    else
    {
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => Epochs(context.AddTask(Markup.Escape(name), maxValue: options.Epochs * trainer.BatchesPerEpoch(train))));
    }

    run.Metrics = trainer.Evaluate(test);
    AnsiConsole.MarkupLine($"  {Markup.Escape(name)}: {options.Epochs} epochs in {watch.Elapsed.TotalSeconds:F0} s");
    return run;
}

static void PrintClassMetrics(IEnumerable<TrainingRun> runs)
{
    // Dice and IoU per class over the whole held-out set (SegmentationMetrics' dataset values: counts summed over it).
    var table = new Table().Title("Held-out Dice and IoU per class (argmax prediction)").AddColumn("loss").AddColumn("");
    foreach (string column in new[] { "backgr. 0", "disc 1", "square 2", "triangle 3", "mean 1-3" }) table.AddColumn(column, c => c.RightAligned());
    foreach (TrainingRun run in runs)
    {
        foreach ((string metric, IReadOnlyList<double> values) in new[] { ("Dice", run.Metrics!.DatasetDice), ("IoU", run.Metrics.DatasetIoU) })
        {
            var cells = values.Append(values.Skip(1).Average()).Select(v => v.ToString("F3", CultureInfo.InvariantCulture));
            table.AddRow([metric == "Dice" ? Markup.Escape(run.Name) : "", metric, .. cells]);
        }
    }

    AnsiConsole.Write(table);
}

static int[] Predict(Trainer trainer, SyntheticShapes data, int index)
{
    var classes = new int[data.Pixels];
    Network.Predict(trainer.Logits(data, index), data.Pixels, classes);
    return classes;
}

internal sealed class TrainingRun(string name, Trainer trainer)
{
    public string Name { get; } = name;
    public Trainer Trainer { get; } = trainer;
    public List<EpochResult> Epochs { get; } = [];
    public List<double> HeldOutDice { get; } = [];
    public SegmentationMetrics? Metrics { get; set; }
}

internal sealed record SampleOptions(
    int Epochs, int Size, int Train, int Test, int Batch, float LearningRate, string Device, string Output, int Seed, bool Compare,
    float[]? SweepAlpha = null, bool DataParallel = false)
{
    public static SampleOptions? Parse(string[] args)
    {
        var o = new SampleOptions(Epochs: 60, Size: 64, Train: 1024, Test: 64, Batch: 16, LearningRate: 0.01f, Device: "cpu",
            Output: Path.Combine("out", "segmentation"), Seed: 1, Compare: false);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            try
            {
                o = args[i] switch
                {
                    "--epochs" => o with { Epochs = Int() },
                    "--size" => o with { Size = Int() },
                    "--train" => o with { Train = Int() },
                    "--test" => o with { Test = Int() },
                    "--batch" => o with { Batch = Int() },
                    "--lr" => o with { LearningRate = float.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--device" => o with { Device = Next().ToLowerInvariant() },
                    "--out" => o with { Output = Next() },
                    "--seed" => o with { Seed = Int() },
                    "--compare" => o with { Compare = true },
                    "--data-parallel" => o with { DataParallel = true },
                    "--sweep-alpha" => o with { SweepAlpha = Next().Split(',').Select(a => float.Parse(a, CultureInfo.InvariantCulture)).ToArray() },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (Exception error) when (error is ArgumentException or FormatException)
            {
                Console.Error.WriteLine($"{error.Message}\nusage: dotnet run --project samples/Segmentation -- [--epochs N] [--size N] [--train N] [--test N] [--batch N] [--lr X] [--device cpu|cuda|ilgpu-cpu] [--out DIR] [--seed N] [--compare] [--sweep-alpha A,B,...] [--data-parallel]");
                return null;
            }
        }

        if (o.Device is not ("cpu" or "cuda" or "ilgpu-cpu") || o.Epochs < 1 || o.Size < 8 || o.Batch < 1 || o.Train < o.Batch || o.Test < 1)
        {
            Console.Error.WriteLine("invalid options: --device is cpu, cuda or ilgpu-cpu; --epochs >= 1, --size >= 8, --batch >= 1, --train >= --batch, --test >= 1.");
            return null;
        }

        // The loss checks Alpha itself (DICE006); saying so here, before any training, names the option.
        if (o.SweepAlpha is { } sweep && (sweep.Length == 0 || sweep.Any(a => !(a >= 0 && a <= 1))))
        {
            Console.Error.WriteLine("invalid options: --sweep-alpha takes comma-separated values in [0, 1], such as 0,0.25,0.5,0.75,1.");
            return null;
        }

        return o;
    }
}
