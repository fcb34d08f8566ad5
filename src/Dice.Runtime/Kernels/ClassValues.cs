namespace Dice.Kernels;

/// <summary>
/// The per-class values of one call that the kernels read, held in one buffer: the class weights w_c, then the positive
/// weights pw_c, C of each. Compiled into the generator too (the device kernels index the buffer), so both sides agree.
/// </summary>
internal static class ClassValues
{
    /// <summary>The buffer's length: 2C.</summary>
    public static int Length(int classes) => 2 * classes;

    /// <summary>Where pw_0 sits: after the C class weights.</summary>
    public static int PositiveWeightsOffset(int classes) => classes;
}
