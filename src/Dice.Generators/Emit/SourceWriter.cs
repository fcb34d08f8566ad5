using System;
using System.Globalization;
using System.Text;

namespace Dice.Generators.Emit;

/// <summary>
/// An indented source writer: every emitted line goes through it, numbers in the invariant culture, lines past
/// <see cref="LineWrapper.MaxLength"/> broken by <see cref="LineWrapper"/>.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _depth;

    public SourceWriter(int depth = 0) => _depth = depth;

    public int Depth => _depth;

    public SourceWriter Line(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        string indent = string.Concat(System.Linq.Enumerable.Repeat(IndentUnit, _depth));
        foreach (string line in LineWrapper.Wrap(indent, text)) _builder.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes several lines of already formatted text (e.g. a doc comment) at the current depth.</summary>
    public SourceWriter Lines(string text)
    {
        foreach (string line in text.Split('\n')) Line(line.TrimEnd('\r'));
        return this;
    }

    /// <summary>Appends another writer's text verbatim (it was written at the right depth).</summary>
    public SourceWriter Append(SourceWriter other)
    {
        _builder.Append(other._builder);
        return this;
    }

    /// <summary>Where the next line will go: a position for <see cref="InsertLine"/>.</summary>
    public int Position => _builder.Length;

    /// <summary>
    /// Writes <paramref name="text"/> at <paramref name="position"/> (an earlier <see cref="Position"/>) with the indent of
    /// <paramref name="depth"/>, and returns the position just after it, for the next line to go in order.
    /// </summary>
    public int InsertLine(int position, int depth, string text)
    {
        string indent = string.Concat(System.Linq.Enumerable.Repeat(IndentUnit, depth));
        var lines = new StringBuilder();
        foreach (string line in LineWrapper.Wrap(indent, text)) lines.Append(line).Append('\n');
        _builder.Insert(position, lines.ToString());
        return position + lines.Length;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public Scope Block(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Scope(this);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>A float as a C# literal: round-trip digits, invariant culture, 'f' suffix.</summary>
    public static string Float(float value)
    {
        if (float.IsPositiveInfinity(value)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(value)) return "float.NegativeInfinity";
        if (float.IsNaN(value)) return "float.NaN";
        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;

        public Scope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line("}");
        }
    }
}
