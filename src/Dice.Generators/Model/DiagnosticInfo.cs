using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dice.Generators.Model;

/// <summary>A source location as plain values, so that diagnostics can travel through the cached pipeline.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location on the compilation's syntax tree of that file, so that pragmas apply; a file location otherwise.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath) return Location.Create(tree, Span);
        }

        return Location.Create(FilePath, Span, LineSpan);
    }

    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic to report: its descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(compilation), System.Linq.Enumerable.ToArray<object?>(Arguments));
}

/// <summary>
/// What the transform step produces for one annotated class: a model to emit, or for an invalid configuration on a class
/// that can take members the placeholder to emit instead (or neither, when the class itself is at fault), and diagnostics.
/// </summary>
internal sealed record LossGenerationResult(LossModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public InvalidLossModel? Invalid { get; init; }
}
