using System;
using System.Collections.Generic;
using System.Linq;
using Dice.Generators.Model;
using Dice.Kernels;

namespace Dice.Generators.Emit;

/// <summary>
/// A class index as the emitted code spells it: a literal when classes are unrolled (one local per
/// class: <c>p3</c>), the loop variable <c>c</c> otherwise (one span element per class: <c>p[c]</c>).
/// </summary>
internal readonly struct ClassIndex
{
    private readonly int _value;

    private ClassIndex(int value) => _value = value;

    public static ClassIndex Literal(int value) => new(value);

    public static ClassIndex Loop => new(-1);

    public bool IsLoop => _value < 0;

    public int Value => _value;

    public string Var(string name) => IsLoop ? name + "[c]" : name + SourceWriter.Int(_value);

    public override string ToString() => IsLoop ? "c" : SourceWriter.Int(_value);
}

/// <summary>
/// The state of one kernel method being written: the writer, the dialect, the configuration and
/// whether per-class work is unrolled. Gives the formulas their vocabulary for "for every class".
/// </summary>
internal sealed class KernelContext
{
    /// <summary>Up to this many classes, per-class work is unrolled into one local per class.</summary>
    public const int UnrollLimit = Kernels.KernelLimits.UnrolledClasses;

    private readonly SortedSet<string> _classArrays = new(StringComparer.Ordinal);

    // Loop mode: consecutive PerClass bodies share one open `for (c)` loop, closed by the next statement that is not
    // per class. A reduction over classes joins the open loop (its accumulators declared before the loop) and seals it:
    // what comes next may read the reduction's result, so the next per-class body opens a new loop. Each pass over the
    // classes touches every per-class span once more, so fewer loops keep fewer spans in flight per pixel vector.
    private SourceWriter.Scope? _openClassLoop;
    private bool _inClassBody;
    private bool _loopSealed;
    // Where the open loop's header starts (declarations go before it) and the depth it is written at.
    private int _loopStart;
    private int _loopDepth;
    private readonly List<string> _afterLoop = new();

    public KernelContext(SourceWriter writer, Dialect dialect, LossOptions options, bool staged = false)
    {
        Writer = writer;
        D = dialect;
        Options = options;
        Unrolled = options.Classes <= UnrollLimit;
        Layout = new StatisticsLayout(options.Classes);
        Staged = staged;
    }

    /// <summary>
    /// Whether the vector kernels of <paramref name="o"/> at width <paramref name="d"/> run their pixel vectors in staged
    /// tiles (<see cref="Staged"/>): over channels-last data from <see cref="KernelLimits.TransposedFromClasses"/> classes
    /// (unrolled or not), and over channels-first data from <see cref="KernelLimits.StagedFromClasses"/> classes, and
    /// below it where <see cref="StagesBySets"/>; a kernel that <see cref="StagesBySets"/> runs its tiles only on planes
    /// whose channels share the cache's sets.
    /// </summary>
    public static bool Stages(Dialect d, LossOptions o) =>
        d is VectorDialect && (o.ChannelsLast
            ? o.Classes >= KernelLimits.TransposedFromClasses
            : o.Classes >= KernelLimits.StagedFromClasses || StagesBySets(d, o));

    /// <summary>
    /// Whether the vector kernels of <paramref name="o"/> at width <paramref name="d"/> run their staged tiles only on a
    /// plane whose channels share the cache's sets (<see cref="KernelLimits.StagesOnSharedSetsOnly"/>): such a kernel
    /// takes the plane as a type argument (<see cref="Values.PlaneParameter"/>), so the JIT compiles it once with the
    /// tiles and once without them.
    /// </summary>
    public static bool StagesBySets(Dialect d, LossOptions o) =>
        d is VectorDialect v && !o.ChannelsLast && KernelLimits.StagesOnSharedSetsOnly(o.Classes, v.Bytes);

    /// <summary>
    /// Whether this body runs inside a tile of pixel vectors (pixel vector <c>v</c> of the tile at pixel s), reading and
    /// writing channels through stack tiles (<see cref="TileOf"/>) that the kernel fills from, and empties into, the
    /// buffers one channel's run at a time (<see cref="KernelBodies.EmitPixelLoop"/>): C streams S floats apart, read a
    /// vector of each per step, are more than the caches hold when S is a multiple of a large power of two (a 48^3 or
    /// 512 x 512 plane maps every channel to the same few cache sets), while one channel's run at a time is one stream.
    /// Over channels-last data the tile is the one pixel vector's, and its channels come from (and go back to) the
    /// block of Count x C floats they share, transposed whole: loading a channel's lanes one scalar at a time costs
    /// more than its arithmetic.
    /// </summary>
    public bool Staged { get; }

    private readonly SortedSet<string> _stagedReads = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _stagedWrites = new(StringComparer.Ordinal);

    /// <summary>The buffers a <see cref="Staged"/> body read through their tiles.</summary>
    public IReadOnlyCollection<string> StagedReads => _stagedReads;

    /// <summary>The buffers a <see cref="Staged"/> body wrote through their tiles.</summary>
    public IReadOnlyCollection<string> StagedWrites => _stagedWrites;

    /// <summary>The stack tile that stages <paramref name="buffer"/>: <c>inputTile</c>.</summary>
    public static string TileOf(string buffer) => buffer + "Tile";

    /// <summary>
    /// Channel <paramref name="c"/> of pixel vector v in a tile: the tile holds the tile's pixel vectors one after another,
    /// each with its C channels adjacent (over channels-last data, the one pixel vector's channels).
    /// </summary>
    public string TileSlot(ClassIndex c) => Options.ChannelsLast ? c.ToString() : TileVector + " + " + c;

    /// <summary>The first slot of pixel vector v in a tile.</summary>
    public const string TileVector = "v * Classes";

    public SourceWriter Writer { get; }
    public Dialect D { get; }
    public LossOptions Options { get; }
    public bool Unrolled { get; }
    public int Classes => Options.Classes;

    /// <summary>Where the statistics and coefficients sit in the buffers between the passes.</summary>
    public StatisticsLayout Layout { get; }

    /// <summary>The index of class c's value in a per-class block starting at <paramref name="blockOffset"/>: a literal when unrolled.</summary>
    public static string Slot(int blockOffset, ClassIndex c) =>
        !c.IsLoop ? SourceWriter.Int(blockOffset + c.Value) : blockOffset == 0 ? "c" : $"{SourceWriter.Int(blockOffset)} + c";

    /// <summary>The variable of the pixel (the first of the vector) that the body reads and writes.</summary>
    public const string Pixel = "s";

    /// <summary>Channel c of pixel s in the sample's input, masks or gradient, in the loss's layout.</summary>
    public Offset Channel(ClassIndex c) => ChannelAt(c, Pixel);

    /// <summary>Channel c of the pixel <paramref name="pixel"/> (a variable) in the loss's layout.</summary>
    public Offset ChannelAt(ClassIndex c, string pixel) => Offset.ChannelAt(c, pixel, Options.ChannelsLast);

    /// <summary>
    /// Whether channel loads and stores prefetch their streams: in the vector class loops of channels-first data, where
    /// each pixel vector touches C streams S floats apart, more than the hardware prefetchers follow (the runtime's
    /// Streams). Unrolled kernels read at most 16 streams, which the hardware follows; channels-last reads one.
    /// </summary>
    public bool PrefetchesStreams => !Unrolled && !Options.ChannelsLast && !Staged;

    /// <summary>
    /// Defines the per-class <paramref name="value"/> as channel <paramref name="c"/> of pixel s in
    /// <paramref name="buffer"/>. In a <see cref="Staged"/> class loop the value's span becomes the pixel vector's slots
    /// in the buffer's tile (<see cref="TileSpans"/>), where the body reads it without a copy; elsewhere a load, its
    /// stream prefetched where <see cref="PrefetchesStreams"/>.
    /// </summary>
    public void LetChannel(ClassValue value, ClassIndex c, string buffer)
    {
        if (BecomesTileSpan(value, c))
        {
            _stagedReads.Add(buffer);
            _tileSpans.Add(value.Name, buffer);
            return;
        }

        Let(value, c, LoadChannel(buffer, c));
    }

    /// <summary>The load of channel <paramref name="c"/> of pixel s from <paramref name="buffer"/>: from its tile in a <see cref="Staged"/> body.</summary>
    private string LoadChannel(string buffer, ClassIndex c)
    {
        if (Staged)
        {
            _stagedReads.Add(buffer);
            return $"{TileOf(buffer)}[{TileSlot(c)}]";
        }

        PrefetchChannel(buffer, c);
        return D.LoadFloat(buffer, Channel(c));
    }

    /// <summary>
    /// Stores <paramref name="value"/> of class <paramref name="c"/> to its channel of pixel s in <paramref name="buffer"/>.
    /// In a <see cref="Staged"/> class loop a value kept in a span becomes the pixel vector's slots in the buffer's tile
    /// (<see cref="TileSpans"/>): its definitions, all before this store, wrote it there, and nothing is copied. Else
    /// into the tile, or into the buffer, its stream prefetched where <see cref="PrefetchesStreams"/>.
    /// </summary>
    public void StoreChannel(ClassValue value, string buffer, ClassIndex c)
    {
        if (BecomesTileSpan(value, c))
        {
            _stagedWrites.Add(buffer);
            _tileSpans.Add(value.Name, buffer);
            _storedTileSpans.Add(value.Name);
            return;
        }

        if (Staged)
        {
            _stagedWrites.Add(buffer);
            Line($"{TileOf(buffer)}[{TileSlot(c)}] = {value[c]};");
            return;
        }

        PrefetchChannel(buffer, c);
        Line(D.Store(value[c], buffer, Channel(c)));
    }

    // A value kept in a span can live in one tile; one already there (an input kept as it is) is copied to the next.
    private bool BecomesTileSpan(ClassValue value, ClassIndex c) =>
        Staged && c.IsLoop && !value.LoopLocal && !_tileSpans.ContainsKey(value.Name);

    private readonly SortedDictionary<string, string> _tileSpans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _storedTileSpans = new(StringComparer.Ordinal);

    /// <summary>
    /// The per-class spans of a <see cref="Staged"/> body that are the pixel vector's C slots in a tile, and the buffer of
    /// each tile: the kernel points each span at its slots before the body (<see cref="KernelBodies.EmitPixelLoop"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> TileSpans => _tileSpans;

    private void PrefetchChannel(string buffer, ClassIndex c)
    {
        if (PrefetchesStreams && D.Prefetch(buffer, Channel(c)) is { } prefetch) Writer.Line(prefetch);
    }

    /// <summary>
    /// t_c as a formula reads it: with labels in loop mode the one-hot expression itself, a compare and an and wherever it
    /// is read, instead of a span of C vectors that every pass over the classes would stream through.
    /// </summary>
    public string Target(ClassIndex c) =>
        c.IsLoop && Options.Labels ? D.AsFloat(D.LabelEquals(Values.Label.Name, c.ToString())) : Values.Target[c];

    /// <summary>
    /// Whether pass 1 moves I_c and T_c lane by lane, at each lane's label (the runtime's LabelLanes), instead of a
    /// compare and two updates per class: the vector kernels of labels without PixelWeights (t is one-hot, and v is in t
    /// already) from <see cref="KernelLimits.LabelLanesFromClasses"/> classes. Unrolled kernels then keep I and T in
    /// spans too (<see cref="Accumulator"/>), and copy p into one (<see cref="SpanOf"/>).
    /// </summary>
    public bool AddsAtLabels => ReadsAtLabels && Options.Labels && !Options.PixelWeights;

    /// <summary>
    /// Whether a value at each lane's label (<see cref="AtLabel(PixelValue, ClassValue)"/>) is read lane by lane from the
    /// value's span instead of a chain of selects: vector kernels from <see cref="KernelLimits.LabelLanesFromClasses"/> classes.
    /// </summary>
    private bool ReadsAtLabels => D is VectorDialect && Classes >= KernelLimits.LabelLanesFromClasses;

    /// <summary>The accumulator of a sum of pass 1: I and T in spans where <see cref="AddsAtLabels"/>.</summary>
    public ClassValue Accumulator(DiceSum sum) =>
        AddsAtLabels && sum != DiceSum.Predicted ? Values.Sum(sum).AsSpan() : Values.Sum(sum);

    /// <summary>
    /// The span of the per-class <paramref name="value"/> that a lane helper reads at each lane's label: loop mode's own
    /// span; unrolled, a span (<c>pLanes</c>) that the value's locals are copied into here.
    /// </summary>
    public string SpanOf(ClassValue value)
    {
        if (!Unrolled) return value.Name;
        string span = value.Name + "Lanes";
        // A value is defined once per pixel: copied once, its span serves every later reader.
        if (!_classArrays.Add(span)) return span;
        // The copy goes right after the value's definitions, so that its locals need not live (in registers, or
        // spilled) until the reader. Unrolled bodies write in order (no class loop inserts lines), so only these
        // copies move the positions recorded after them; each Let writes a line, so no other value ends at `at`.
        (int at, int depth) = _definitionEnds.TryGetValue(value.Name, out var end) ? end : (Writer.Position, Writer.Depth);
        int next = Writer.InsertLine(at, depth, $"// {value.Name} as a span, read at each lane's label below (LabelLanes).");
        for (int c = 0; c < Classes; c++) next = Writer.InsertLine(next, depth, $"{span}[{SourceWriter.Int(c)}] = {value[ClassIndex.Literal(c)]};");
        foreach (string name in _definitionEnds.Keys.ToList())
        {
            var (position, atDepth) = _definitionEnds[name];
            if (position > at) _definitionEnds[name] = (position + next - at, atDepth);
        }

        return span;
    }

    // Unrolled: where the writer stood after each value's last definition (and at what depth), for SpanOf's copies.
    private readonly Dictionary<string, (int Position, int Depth)> _definitionEnds = new(StringComparer.Ordinal);

    /// <summary>Names of per-class values that loop mode keeps in stack spans (declared before the pixel loop).</summary>
    public IReadOnlyCollection<string> ClassArrays => _classArrays;

    public KernelContext Line(string text)
    {
        if (!_inClassBody) CloseClassLoop();
        Writer.Line(text);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every class: unrolled, or inside a <c>for</c> loop over c, which the
    /// next per-class body joins. Only valid because each body reads, for class c, values of class c or
    /// values computed before the loop; reductions over classes close the loop first.
    /// </summary>
    public void PerClass(Action<ClassIndex> body)
    {
        if (Unrolled)
        {
            for (int c = 0; c < Classes; c++) body(ClassIndex.Literal(c));
            return;
        }

        if (_loopSealed) CloseClassLoop();
        OpenClassLoop();
        _inClassBody = true;
        try
        {
            body(ClassIndex.Loop);
        }
        finally
        {
            _inClassBody = false;
        }
    }

    /// <summary>Closes the open per-class loop, if any: call before writing to <see cref="Writer"/> directly, and at the end.</summary>
    public void CloseClassLoop()
    {
        _openClassLoop?.Dispose();
        _openClassLoop = null;
        _loopSealed = false;
        foreach (string line in _afterLoop) Writer.Line(line);
        _afterLoop.Clear();
    }

    private void OpenClassLoop()
    {
        if (_openClassLoop is not null) return;
        _loopStart = Writer.Position;
        _loopDepth = Writer.Depth;
        _openClassLoop = Writer.Block("for (int c = 0; c < Classes; c++)");
    }

    /// <summary>
    /// Writes a per-pixel statement that reads nothing of the open class loop (a declaration, or a value of the label):
    /// before that loop, which stays open, or in order where none is open or classes are unrolled.
    /// </summary>
    public void Declare(string line)
    {
        if (_openClassLoop is null) Writer.Line(line);
        else _loopStart = Writer.InsertLine(_loopStart, _loopDepth, line);
    }

    /// <summary>
    /// Writes a per-pixel statement that reads what the open class loop accumulates: after that loop, which stays open
    /// for the per-class bodies that follow; in order where none is open or classes are unrolled.
    /// </summary>
    public void AfterClassLoop(string line)
    {
        if (_openClassLoop is null) Writer.Line(line);
        else _afterLoop.Add(line);
    }

    /// <summary>
    /// Loop mode: starts a reduction over classes in the open loop, or in a new one, with its accumulators declared
    /// before the loop; <paramref name="body"/> writes the per-class step. The loop is sealed after it.
    /// </summary>
    private void Reduce(IEnumerable<string> declarations, Action body)
    {
        if (_loopSealed) CloseClassLoop();
        foreach (string line in declarations) Declare(line);
        OpenClassLoop();
        body();
        _loopSealed = true;
    }

    /// <summary>Defines the per-class <paramref name="value"/> for class <paramref name="c"/>.</summary>
    public void Let(ClassValue value, ClassIndex c, string expression)
    {
        // A tile's span takes no definition after the store that put it there: the tile would be written out with it.
        if (_storedTileSpans.Contains(value.Name))
            throw new InvalidOperationException($"{value.Name} is defined again after it was stored to its tile.");

        if (c.IsLoop && !value.LoopLocal)
        {
            _classArrays.Add(value.Name);
            Writer.Line($"{value[c]} = {expression};");
        }
        else
        {
            Writer.Line($"{D.Local} {value[c]} = {expression};");
            if (!c.IsLoop) _definitionEnds[value.Name] = (Writer.Position, Writer.Depth);
        }
    }

    /// <summary>
    /// Defines <paramref name="result"/> as the sum over classes of <paramref name="term"/>. With
    /// <paramref name="compensated"/>, loop mode sums in double on the CPU (<see cref="Dialect.SumsInDouble"/>) and with
    /// Kahan's compensation on the device: a plain float sum of hundreds of terms loses about C ulps, which the loss would show.
    /// </summary>
    public void Sum(PixelValue result, Func<ClassIndex, string> term, bool compensated = false)
    {
        if (Unrolled)
        {
            Line($"{D.Local} {result} = {UnrolledSum(term)};");
            return;
        }

        if (compensated && D.SumsInDouble)
        {
            // In double the sum of hundreds of floats is exact to far below a float ulp, and each class adds one add
            // to the chain that the loop carries instead of Kahan's four dependent ones.
            Reduce(D.DoubleSumStart(result.Name), () =>
            {
                foreach (string line in D.DoubleSumAdd(result.Name, term(ClassIndex.Loop))) Writer.Line(line);
            });
            Line($"{D.Local} {result} = {D.DoubleSumEnd(result.Name)};");
            return;
        }

        string start = $"{D.Local} {result} = {D.Zero};";
        if (!compensated)
        {
            Reduce(new[] { start }, () => Writer.Line($"{result} += {term(ClassIndex.Loop)};"));
            return;
        }

        // The device sums with Kahan's compensation in float: many GPUs run double at a small fraction of float's rate.
        Reduce(new[] { start, $"{D.Local} {result}Compensation = {D.Zero};" }, () =>
        {
            Writer.Line($"{D.Local} {result}Term = {term(ClassIndex.Loop)} - {result}Compensation;");
            Writer.Line($"{D.Local} {result}Next = {result} + {result}Term;");
            Writer.Line($"{result}Compensation = ({result}Next - {result}) - {result}Term;");
            Writer.Line($"{result} = {result}Next;");
        });
    }

    /// <summary>
    /// Defines <paramref name="result"/> as the value of the pixel's label class (0 at an ignored pixel): with labels,
    /// sum_c t_c v_c, as a chain of selects on label == c. t is one-hot, so the sum adds only zeros to v_y and the
    /// select gives its bits, at a latency of one select per class instead of one add.
    /// </summary>
    public void AtLabel(PixelValue result, ClassValue value)
    {
        // Vector kernels read each lane's value at its label from the value's span instead (the runtime's LabelLanes):
        // one read per lane instead of a compare and a select per class (unrolled, after a copy of the locals into a
        // span). After the open loop, which may still be writing the span.
        if (ReadsAtLabels && D is VectorDialect vector && !value.LoopLocal)
        {
            AfterClassLoop($"{D.Local} {result} = {vector.AtLabels(Values.LabelsBuffer, Pixel, SpanOf(value))};");
            return;
        }

        AtLabel(result, c => value[c]);
    }

    /// <summary>As the <see cref="ClassValue"/> form, for any per-class expression: always the chain of selects.</summary>
    private void AtLabel(PixelValue result, Func<ClassIndex, string> value)
    {
        string label = Values.Label.Name;
        string start = $"{D.Local} {result} = {D.Zero};";
        if (Unrolled)
        {
            Line(start);
            for (int c = 0; c < Classes; c++)
                Writer.Line($"{result} = {D.Select(D.LabelEquals(label, SourceWriter.Int(c)), value(ClassIndex.Literal(c)), result.Name)};");
            return;
        }

        Reduce(new[] { start }, () => Writer.Line($"{result} = {D.Select(D.LabelEquals(label, "c"), value(ClassIndex.Loop), result.Name)};"));
    }

    /// <summary>term(0) + term(1) + ... over the unrolled classes.</summary>
    private string UnrolledSum(Func<ClassIndex, string> term) =>
        string.Join(" + ", Enumerable.Range(0, Classes).Select(c => term(ClassIndex.Literal(c))));

    /// <summary>
    /// Sets the declared <paramref name="result"/> to the sum over classes of <paramref name="term"/> when
    /// <paramref name="condition"/> holds (a JIT-time constant, so the branch costs nothing).
    /// </summary>
    public void SumInto(PixelValue result, Func<ClassIndex, string> term, string condition)
    {
        CloseClassLoop();
        if (Unrolled)
        {
            Writer.Line($"if ({condition}) {result} = {UnrolledSum(term)};");
            return;
        }

        using (Writer.Block($"if ({condition})"))
        {
            Writer.Line($"{result} = {D.Zero};");
            using (Writer.Block("for (int c = 0; c < Classes; c++)"))
                Writer.Line($"{result} += {term(ClassIndex.Loop)};");
        }
    }

    /// <summary>Defines <paramref name="result"/> as the maximum over classes of <paramref name="value"/>, as a balanced tree when unrolled.</summary>
    public void Max(PixelValue result, ClassValue value)
    {
        if (Unrolled)
        {
            Line($"{D.Local} {result} = {MaxTree(value, 0, Classes)};");
            return;
        }

        // From -infinity, so that class 0 can join the loop too: the maximum is exact in any order.
        Reduce(new[] { $"{D.Local} {result} = {D.Broadcast("float.NegativeInfinity")};" },
            () => Writer.Line($"{result} = {D.Max(result.Name, value[ClassIndex.Loop])};"));
    }

    /// <summary>
    /// Defines <see cref="Values.PredictedClass"/> as the argmax over classes of <paramref name="value"/>, the first class
    /// on ties (a later class replaces the largest only when strictly larger, as torch.argmax and MONAI's do).
    /// </summary>
    public void Argmax(ClassValue value)
    {
        CloseClassLoop();
        string largest = Values.Largest.Name, larger = Values.Larger.Name, predicted = Values.PredictedClass.Name;
        Writer.Line($"{D.Local} {largest} = {(Unrolled ? value[ClassIndex.Literal(0)] : value.Name + "[0]")};");
        Writer.Line($"{D.LabelLocal} {predicted} = {D.LabelFrom("0")};");
        if (Unrolled)
        {
            for (int c = 1; c < Classes; c++)
            {
                var index = ClassIndex.Literal(c);
                Writer.Line($"{(c == 1 ? D.MaskLocal + " " : "")}{larger} = {D.GreaterThan(value[index], largest)};");
                if (c < Classes - 1) Writer.Line($"{largest} = {D.Select(larger, value[index], largest)};");
                Writer.Line($"{predicted} = {D.SelectLabel(larger, D.LabelFrom(index.ToString()), predicted)};");
            }

            return;
        }

        using (Writer.Block("for (int c = 1; c < Classes; c++)"))
        {
            Writer.Line($"{D.MaskLocal} {larger} = {D.GreaterThan(value[ClassIndex.Loop], largest)};");
            Writer.Line($"{largest} = {D.Select(larger, value[ClassIndex.Loop], largest)};");
            Writer.Line($"{predicted} = {D.SelectLabel(larger, D.LabelFrom("c"), predicted)};");
        }
    }

    /// <summary>
    /// Defines the per-class mask <paramref name="value"/> of class <paramref name="c"/>, a local of the class body (masks
    /// are never kept in arrays: in loop mode it lives for one iteration), and returns the name to read it by.
    /// </summary>
    public string LetMask(ClassValue value, ClassIndex c, string expression)
    {
        string name = c.IsLoop ? value.Name : value[c];
        Writer.Line($"{D.MaskLocal} {name} = {expression};");
        return name;
    }

    private string MaxTree(ClassValue value, int from, int to) =>
        to - from == 1 ? value[ClassIndex.Literal(from)] : D.Max(MaxTree(value, from, (from + to) / 2), MaxTree(value, (from + to) / 2, to));

    /// <summary>
    /// The weight w_c of class c, read from the call's parameters before the pixel loop (<see cref="KernelBodies.DeclareParameters"/>):
    /// <c>weight2</c> unrolled, <c>classWeights[c]</c> in loop mode; records the read.
    /// </summary>
    public string Weight(ClassIndex c)
    {
        UsesClassWeights = true;
        return c.IsLoop ? Values.ClassWeights + "[c]" : Values.Weight[c];
    }

    /// <summary>
    /// pw_c - 1 of class c (the BCE's positive weight less 1), read before the pixel loop: <c>positiveExcess2</c> unrolled,
    /// <c>(positiveWeights[c] - 1f)</c> in loop mode; records the read.
    /// </summary>
    public string PositiveExcess(ClassIndex c)
    {
        UsesPositiveWeights = true;
        return c.IsLoop ? $"({Values.PositiveWeights}[c] - 1f)" : Values.PositiveExcess[c];
    }

    /// <summary>Whether the body read the positive weights (so the kernel declares them).</summary>
    public bool UsesPositiveWeights { get; private set; }

    /// <summary>
    /// One of the call's label-smoothing values (<see cref="Values.SmoothsLabels"/>, <see cref="Values.LabelShare"/>,
    /// <see cref="Values.ClassShare"/>, <see cref="Values.WeightTotal"/>), declared before the pixel loop; records the read.
    /// </summary>
    public string ReadLabelSmoothing(PixelValue value)
    {
        UsesLabelSmoothing = true;
        UsesClassWeights = true;
        return value.Name;
    }

    /// <summary>Whether the body read the label smoothing (so the kernel declares its values).</summary>
    public bool UsesLabelSmoothing { get; private set; }

    // The call's values a body reads: each Read method returns the local's name and records that the kernel must declare
    // it before the pixel loop (KernelBodies.DeclareParameters), so that a kernel declares exactly what its body reads.

    /// <summary>The call's IgnoreIndex as a label value (a broadcast vector, or an int); records the read.</summary>
    public string ReadIgnoreIndex()
    {
        UsesIgnoreIndex = true;
        return Values.IgnoreIndex.Name;
    }

    /// <summary>The call's FocalGamma as a value of the dialect; records the read.</summary>
    public string ReadFocalGamma()
    {
        UsesFocalGamma = true;
        return Values.FocalGamma.Name;
    }

    /// <summary>u^FocalGamma at u = 0: 1 when FocalGamma is 0 (then the focal term is plain CE/BCE), else 0; records the read.</summary>
    public string ReadFocalPowerAtZero()
    {
        UsesFocalGamma = true;
        return Values.FocalPowerAtZero.Name;
    }

    /// <summary>Whether the call's FocalGamma is 2 (a bool): u^2 is then u * u; records the read.</summary>
    public string ReadFocalSquare()
    {
        UsesFocalGamma = true;
        return Values.FocalSquare.Name;
    }

    /// <summary>Whether the body read FocalGamma (so the kernel declares it).</summary>
    public bool UsesFocalGamma { get; private set; }

    /// <summary>Whether the body read the class weights (so the kernel declares them).</summary>
    public bool UsesClassWeights { get; private set; }

    /// <summary>Whether the body compared labels with IgnoreIndex (so the kernel declares it).</summary>
    public bool UsesIgnoreIndex { get; private set; }
}
