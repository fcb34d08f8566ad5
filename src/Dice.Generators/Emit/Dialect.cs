using System.Globalization;

namespace Dice.Generators.Emit;

/// <summary>
/// How one formula is spelled for one kind of arithmetic. The formulas (<see cref="Formulas"/>) are
/// written once against this; <see cref="VectorDialect"/> spells them with Vector128/256/512 for the
/// CPU main loops, <see cref="ScalarDialect"/> with floats for the CPU tail (and for GPU kernels).
/// Masks are a dialect's own type (bit masks for vectors, bool for scalars); <see cref="AsFloat"/> turns
/// one into 1 or 0.
/// </summary>
internal abstract class Dialect
{
    /// <summary>The suffix of method names: "512", "256", "128" or "Scalar".</summary>
    public abstract string Suffix { get; }
    public abstract string Float { get; }
    public abstract string Label { get; }
    public abstract string MaskType { get; }
    /// <summary>The type a local of <see cref="Float"/> is declared with.</summary>
    public virtual string Local => Float;
    /// <summary>The type a local of <see cref="Label"/> is declared with.</summary>
    public virtual string LabelLocal => Label;
    /// <summary>The type a local of <see cref="MaskType"/> is declared with.</summary>
    public virtual string MaskLocal => MaskType;
    /// <summary>Pixels per step.</summary>
    public abstract string Count { get; }
    public abstract string Zero { get; }
    public abstract string One { get; }
    public abstract string NoMask { get; }

    public abstract string Broadcast(string scalar);
    public abstract string Exp(string x);
    /// <summary>a * b + c, fused where the dialect and the machine have it.</summary>
    public virtual string MultiplyAdd(string a, string b, string c) => $"{a} * {b} + {c}";

    /// <summary>The statement accumulator += a * b (fused where the dialect has it).</summary>
    public virtual string AccumulateProduct(string accumulator, string a, string b) => $"{accumulator} += {a} * {b};";
    /// <summary>
    /// The statement that folds x·0 into <paramref name="accumulator"/>, which stays ±0 while every x is finite and is NaN
    /// from the first that is not: added in float; for vectors OR-ed bitwise (±0 or a NaN pattern, and an OR of NaN
    /// patterns is a NaN), which puts one cycle per class on the chain instead of an add's four.
    /// </summary>
    public virtual string AccumulateNonFinite(string accumulator, string x) => AccumulateProduct(accumulator, x, Zero);
    public abstract string Log(string x);
    /// <summary>e^x - 1, accurate near x = 0 (no cancellation).</summary>
    public abstract string ExpM1(string x);
    public abstract string Max(string a, string b);
    public abstract string Abs(string x);
    public abstract string Select(string mask, string whenTrue, string whenFalse);
    public abstract string GreaterOrEqual(string a, string b);
    public abstract string GreaterThan(string a, string b);
    public abstract string LessOrEqual(string a, string b);
    public abstract string And(string a, string b);
    public abstract string Not(string mask);
    public abstract string AsFloat(string mask);
    public abstract string LabelEquals(string label, string value);
    /// <summary>A label value of this dialect from an int expression (a broadcast for vectors).</summary>
    public abstract string LabelFrom(string scalar);
    /// <summary>Lanes where <paramref name="label"/> differs from <paramref name="other"/>, a label value of this dialect.</summary>
    public abstract string LabelDiffers(string label, string other);
    /// <summary>Mask of labels outside [0, classes) (the ignore check is separate).</summary>
    public abstract string LabelOutOfRange(string label, int classes);
    public abstract string LoadFloat(string reference, Offset offset);
    public abstract string LoadLabel(string reference, Offset offset);
    public abstract string Store(string value, string reference, Offset offset);
    /// <summary>
    /// The statement that prefetches the stream of <paramref name="offset"/> a few cache lines ahead (the runtime's
    /// Streams), or null where the dialect does not: only vectors over adjacent pixels do.
    /// </summary>
    public virtual string? Prefetch(string reference, Offset offset) => null;
    public abstract string IsEmpty(string mask);
    /// <summary>The operator that joins the validity checks into one bool: short-circuit on the CPU.</summary>
    public virtual string AllOf => " && ";
    /// <summary>True when an accumulator of x·0 stayed free of NaN, i.e. every x was finite.</summary>
    public abstract string AllFinite(string accumulator);
    public abstract string SumToDouble(string accumulator);

    /// <summary>A zeroed pixel counter: int lanes for vectors (exact; a chunk has far fewer than 2^31 pixels per lane).</summary>
    public abstract string CountZero { get; }
    /// <summary>The statement counter += 1 in the lanes where <paramref name="mask"/> holds.</summary>
    public abstract string CountIf(string counter, string mask);
    /// <summary>The statement counter += 1 in every lane.</summary>
    public abstract string CountEvery(string counter);
    /// <summary>A counter's total over its lanes, an int.</summary>
    public abstract string CountTotal(string counter);
    /// <summary>Per lane, <paramref name="whenTrue"/> where <paramref name="mask"/> holds, else <paramref name="whenFalse"/>: label values.</summary>
    public abstract string SelectLabel(string mask, string whenTrue, string whenFalse);

    /// <summary>Whether a compensated sum over classes is summed in double (<see cref="DoubleSumStart"/>): on the CPU.</summary>
    public virtual bool SumsInDouble => false;

    /// <summary>Declares the zeroed double accumulators of the sum <paramref name="result"/>.</summary>
    public virtual string[] DoubleSumStart(string result) => throw new System.NotSupportedException();

    /// <summary>Adds <paramref name="term"/> to the double accumulators of <paramref name="result"/>.</summary>
    public virtual string[] DoubleSumAdd(string result, string term) => throw new System.NotSupportedException();

    /// <summary>The double accumulators of <paramref name="result"/> rounded to one value of <see cref="Float"/>.</summary>
    public virtual string DoubleSumEnd(string result) => throw new System.NotSupportedException();

    /// <summary>Declares a per-class array for loop mode (C values of <see cref="Float"/>), optionally zeroed.</summary>
    public string[] ClassArray(string name, bool zeroed) => ClassArray(name, zeroed, Float);

    /// <summary>Declares a zeroed per-class array of pixel counters (<see cref="Label"/> values) for loop mode.</summary>
    public string[] CountArray(string name) => ClassArray(name, zeroed: true, Label);

    /// <summary>Declares a per-class array of <paramref name="element"/> for loop mode, optionally zeroed.</summary>
    protected virtual string[] ClassArray(string name, bool zeroed, string element) => zeroed
        ? new[] { StackSpan(element, name, "Classes"), $"{name}.Clear();" }
        : new[] { StackSpan(element, name, "Classes") };

    /// <summary>Declares <paramref name="name"/>, a span of <paramref name="count"/> values of <paramref name="element"/> on the stack.</summary>
    public virtual string StackSpan(string element, string name, string count) => $"Span<{element}> {name} = stackalloc {element}[{count}];";

    protected static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Vector128/256/512 of float, with the kernels' vector Exp and Log; reinterpretations and stores are the BCL's
/// extension methods (<c>.AsSingle()</c>, <c>.StoreUnsafe(...)</c>), which the kernels' using directives bring in.
/// </summary>
internal sealed class VectorDialect : Dialect
{
    private readonly string _v;

    public VectorDialect(int bits)
    {
        _v = $"Vector{I(bits)}";
        Suffix = I(bits);
        Bytes = bits / 8;
    }

    /// <summary>The bytes of one vector.</summary>
    public int Bytes { get; }

    /// <summary>
    /// A stack span whose vectors start on multiples of their size (the runtime's StackVectors: <c>stackalloc</c> aligns
    /// to 16 bytes only, and a vector across two cache lines costs each access of it): one vector more is allocated.
    /// </summary>
    public override string StackSpan(string element, string name, string count) =>
        $"Span<{element}> {name} = {AlignedStackalloc(element, count)};";

    /// <summary>
    /// As <see cref="StackSpan"/>, but allocated only where <paramref name="condition"/> (a constant of the kernel's
    /// instantiation) holds, empty elsewhere: the stack a kernel allocates is zeroed on every call, which a kernel that
    /// never uses the span should not pay.
    /// </summary>
    public string StackSpanWhen(string condition, string element, string name, string count) =>
        $"Span<{element}> {name} = {condition} ? {AlignedStackalloc(element, count)} : default;";

    private string AlignedStackalloc(string element, string count) =>
        $"StackVectors.Aligned<{element}>(stackalloc byte[({count} + 1) * {I(Bytes)}])";

    public override string Suffix { get; }
    public override string Float => _v + "<float>";
    public override string Label => _v + "<int>";
    public override string MaskType => Float;
    // Every value of a Vector512 kernel is a Vector512<float> (the labels <int>): spelled on each of its locals, the type
    // would drown the formulas, so the locals are var, as the loads and Create calls that start them say the type.
    public override string Local => "var";
    public override string LabelLocal => "var";
    public override string MaskLocal => "var";
    public override string Count => _v + "<float>.Count";
    public override string Zero => _v + "<float>.Zero";
    public override string One => _v + "<float>.One";
    public override string NoMask => Zero;

    public override string Broadcast(string scalar) => $"{_v}.Create({scalar})";
    public override string Exp(string x) => $"KernelMath.Exp({x})";
    // MultiplyAddEstimate: one fused instruction where the CPU has FMA, a multiply and an add where it has not.
    // FusedMultiplyAdd would be a per-lane software fallback there (DOTNET_EnableAVX2=0 also turns FMA off).
    public override string MultiplyAdd(string a, string b, string c) => $"{_v}.MultiplyAddEstimate({a}, {b}, {c})";
    public override string AccumulateProduct(string accumulator, string a, string b) => $"{accumulator} = {MultiplyAdd(a, b, accumulator)};";
    public override string AccumulateNonFinite(string accumulator, string x) => $"{accumulator} |= {x} * {Zero};";
    public override string Log(string x) => $"KernelMath.Log({x})";
    public override string ExpM1(string x) => $"KernelMath.ExpM1({x})";
    // MaxNative: one instruction, where Max adds fix-ups for NaN and signed zeros; no formula takes the max of a NaN
    // that it keeps (the checks of pass 1 reject a non-finite input before anything is written).
    public override string Max(string a, string b) => $"{_v}.MaxNative({a}, {b})";
    public override string Abs(string x) => $"{_v}.Abs({x})";
    public override string Select(string mask, string whenTrue, string whenFalse) => $"{_v}.ConditionalSelect({mask}, {whenTrue}, {whenFalse})";
    public override string GreaterOrEqual(string a, string b) => $"{_v}.GreaterThanOrEqual({a}, {b})";
    public override string GreaterThan(string a, string b) => $"{_v}.GreaterThan({a}, {b})";
    public override string LessOrEqual(string a, string b) => $"{_v}.LessThanOrEqual({a}, {b})";
    public override string And(string a, string b) => $"({a} & {b})";
    public override string Not(string mask) => $"~{mask}";
    public override string AsFloat(string mask) => $"({mask} & {One})";
    public override string LabelEquals(string label, string value) => $"{_v}.Equals({label}, {_v}.Create({value})).AsSingle()";
    public override string LabelFrom(string scalar) => $"{_v}.Create({scalar})";
    public override string LabelDiffers(string label, string other) => $"~{_v}.Equals({label}, {other}).AsSingle()";
    public override string LabelOutOfRange(string label, int classes) => $"{_v}.GreaterThanOrEqual({label}.AsUInt32(), {_v}.Create({I(classes)}u)).AsSingle()";
    // A channel of channels-last data is strided: its lanes are gathered and scattered (the runtime's Interleaved).
    public override string LoadFloat(string reference, Offset offset) => offset.PixelStride is { } stride
        ? $"Interleaved.Load{Suffix}(ref {reference}, {Unsigned(offset)}, {stride})"
        : $"{_v}.LoadUnsafe(ref {reference}, {Unsigned(offset)})";
    public override string LoadLabel(string reference, Offset offset) => LoadFloat(reference, offset);
    public override string Store(string value, string reference, Offset offset) => offset.PixelStride is { } stride
        ? $"Interleaved.Store({value}, ref {reference}, {Unsigned(offset)}, {stride});"
        : $"{value}.StoreUnsafe(ref {reference}, {Unsigned(offset)});";

    /// <summary>
    /// The statement transposing the channels-last block of a pixel vector's C channels from element
    /// <paramref name="block"/> of <paramref name="reference"/> into the per-class span <paramref name="channels"/>.
    /// </summary>
    public string Gather(string reference, Offset block, string channels) => $"Interleaved.Gather(ref {reference}, {Unsigned(block)}, {channels});";

    /// <summary>The inverse of <see cref="Gather"/>: the span <paramref name="channels"/> into the block.</summary>
    public string Scatter(string channels, string reference, Offset block) => $"Interleaved.Scatter({channels}, ref {reference}, {Unsigned(block)});";

    public override string? Prefetch(string reference, Offset offset) =>
        offset.PixelStride is null ? $"Streams.Prefetch(ref {reference}, {Unsigned(offset)});" : null;

    /// <summary>The statement asking for the cache lines of the run of <paramref name="floats"/> floats at <paramref name="offset"/> of <paramref name="reference"/>.</summary>
    public string PrefetchRun(string reference, Offset offset, string floats) => $"Streams.PrefetchRun(ref {reference}, {Unsigned(offset)}, {floats});";

    /// <summary>
    /// With labels: the statement adding, in each lane, p of the label's class to I and 1 to T at that class (the
    /// runtime's LabelLanes), from the per-class spans <paramref name="probability"/>, <paramref name="intersection"/>
    /// and <paramref name="truth"/>.
    /// </summary>
    public string AddAtLabels(string labels, string pixel, string probability, string intersection, string truth) =>
        $"LabelLanes.AddAtLabels(ref {labels}, {pixel}, {probability}, {intersection}, {truth});";

    /// <summary>
    /// With labels: the expression reading, in each lane, the label class's value from the per-class span
    /// <paramref name="values"/> (0 where the label is IgnoreIndex), where other dialects select class by class.
    /// </summary>
    public string AtLabels(string labels, string pixel, string values) => $"LabelLanes.AtLabels(ref {labels}, {pixel}, {values})";

    private static string Unsigned(Offset offset) => offset.IsCompound ? $"(nuint)({offset})" : $"(nuint){offset}";
    public override string IsEmpty(string mask) => $"{_v}.EqualsAll({mask}.AsInt32(), {_v}<int>.Zero)";
    public override string AllFinite(string accumulator) => $"{_v}.EqualsAll({accumulator}, {Zero})";
    public override string SumToDouble(string accumulator) => $"KernelMath.SumToDouble({accumulator})";
    public override string CountZero => _v + "<int>.Zero";
    // A true lane of a mask is all ones, -1 as an int: subtracting it counts one.
    public override string CountIf(string counter, string mask) => $"{counter} -= {mask}.AsInt32();";
    public override string CountEvery(string counter) => $"{counter} += {_v}<int>.One;";

    /// <summary>
    /// The statement counter += 65,536 where <paramref name="high"/> holds and += 1 where <paramref name="low"/> does: two
    /// counts in one int lane's 16-bit halves, since a lane counts at most a quarter of a CPU chunk
    /// (<c>KernelLimits.ChunkPixels</c>). A true lane is -1, so -(low + (high &lt;&lt; 16)) adds 1 to each half.
    /// </summary>
    public string CountPair(string counter, string high, string low) => $"{counter} -= {low}.AsInt32() + ({high}.AsInt32() << 16);";
    public override string CountTotal(string counter) => $"{_v}.Sum({counter})";
    public override string SelectLabel(string mask, string whenTrue, string whenFalse) => $"{_v}.ConditionalSelect({mask}.AsInt32(), {whenTrue}, {whenFalse})";

    // The lanes widen to two vectors of double, low and high halves, each its own accumulator.
    public override bool SumsInDouble => true;
    public override string[] DoubleSumStart(string result) => new[] { $"var {result}Low = {_v}<double>.Zero;", $"var {result}High = {_v}<double>.Zero;" };
    public override string[] DoubleSumAdd(string result, string term) =>
        new[] { $"var (low, high) = {_v}.Widen({term});", $"{result}Low += low;", $"{result}High += high;" };
    public override string DoubleSumEnd(string result) => $"{_v}.Narrow({result}Low, {result}High)";
}

/// <summary>
/// Plain floats: the CPU tail (<see cref="System.MathF"/>, refs into spans) and, with <c>device: true</c>,
/// ILGPU kernels (<c>XMath</c>, array views, per-class arrays in local memory).
/// </summary>
internal sealed class ScalarDialect : Dialect
{
    public static readonly ScalarDialect Cpu = new(device: false);
    public static readonly ScalarDialect Device = new(device: true);

    private readonly bool _device;
    private readonly string _math;

    private ScalarDialect(bool device)
    {
        _device = device;
        _math = device ? "XMath" : "MathF";
    }

    public override string Suffix => _device ? "Device" : "Scalar";
    public override string Float => "float";
    public override string Label => "int";
    public override string MaskType => "bool";
    public override string Count => "1";
    public override string Zero => "0f";
    public override string One => "1f";
    public override string NoMask => "false";

    public override string Broadcast(string scalar) => scalar;
    public override string Exp(string x) => $"{_math}.Exp({x})";
    public override string Log(string x) => $"{_math}.Log({x})";
    // The runtime's scalar ExpM1 on the CPU and the device alike (ILGPU compiles it; XMath has none).
    public override string ExpM1(string x) => $"KernelMath.ExpM1({x})";
    public override string Max(string a, string b) => $"{_math}.Max({a}, {b})";
    public override string Abs(string x) => $"{_math}.Abs({x})";
    public override string Select(string mask, string whenTrue, string whenFalse) => $"({mask} ? {whenTrue} : {whenFalse})";
    public override string GreaterOrEqual(string a, string b) => $"{a} >= {b}";
    public override string GreaterThan(string a, string b) => $"{a} > {b}";
    public override string LessOrEqual(string a, string b) => $"{a} <= {b}";
    public override string And(string a, string b) => $"({a} & {b})";
    public override string Not(string mask) => $"!{mask}";
    public override string AsFloat(string mask) => $"({mask} ? 1f : 0f)";
    public override string LabelEquals(string label, string value) => $"{label} == {value}";
    public override string LabelFrom(string scalar) => scalar;
    public override string LabelDiffers(string label, string other) => $"{label} != {other}";
    public override string LabelOutOfRange(string label, int classes) => $"(uint){label} >= {I(classes)}u";
    public override string LoadFloat(string reference, Offset offset) => _device ? $"{reference}[{offset}]" : $"Unsafe.Add(ref {reference}, {offset})";
    public override string LoadLabel(string reference, Offset offset) => LoadFloat(reference, offset);
    public override string Store(string value, string reference, Offset offset) => $"{LoadFloat(reference, offset)} = {value};";
    public override string IsEmpty(string mask) => $"!{mask}";
    // A device kernel evaluates every check, without the branch that a short-circuit would be.
    public override string AllOf => _device ? " & " : " && ";
    public override string AllFinite(string accumulator) => $"{accumulator} == 0f";
    public override string SumToDouble(string accumulator) => accumulator;
    public override string CountZero => "0";
    public override string CountIf(string counter, string mask) => $"if ({mask}) {counter}++;";
    public override string CountEvery(string counter) => $"{counter}++;";
    public override string CountTotal(string counter) => counter;
    public override string SelectLabel(string mask, string whenTrue, string whenFalse) => $"({mask} ? {whenTrue} : {whenFalse})";

    public override bool SumsInDouble => !_device;
    public override string[] DoubleSumStart(string result) => new[] { $"double {result}Wide = 0;" };
    public override string[] DoubleSumAdd(string result, string term) => new[] { $"{result}Wide += {term};" };
    public override string DoubleSumEnd(string result) => $"(float){result}Wide";

    protected override string[] ClassArray(string name, bool zeroed, string element)
    {
        if (!_device) return base.ClassArray(name, zeroed, element);
        string declaration = $"ArrayView<{element}> {name} = LocalMemory.Allocate<{element}>(Classes);";
        string zero = element == Float ? Zero : "0";
        return zeroed ? new[] { declaration, $"for (int c = 0; c < Classes; c++) {name}[c] = {zero};" } : new[] { declaration };
    }
}
