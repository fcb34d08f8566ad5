using System;
using System.Collections.Generic;

namespace Dice.Generators.Emit;

/// <summary>
/// Breaks a generated line longer than <see cref="MaxLength"/> the way a person would: a comment at its last word that
/// fits, continued with the same comment marker; code after a comma or an assignment, or before a binary operator,
/// outside string literals, continued one indent deeper; a trailing comment moves to its own line above the code; a
/// string literal too long for any line is split into concatenated literals.
/// </summary>
internal static class LineWrapper
{
    public const int MaxLength = 120;

    /// <summary>Shortest first piece of a code line past its indent, so a break never leaves a line of one token.</summary>
    private const int MinimumPiece = 24;

    private static readonly string[] OperatorsBrokenBefore = { "+", "-", "*", "/", "&&", "||", "&", "|", "?", ":", "??" };

    /// <summary>The line (with its indent) as one or more lines of at most <see cref="MaxLength"/> characters where possible.</summary>
    public static IEnumerable<string> Wrap(string indent, string text)
    {
        if (indent.Length + text.Length <= MaxLength)
        {
            yield return indent + text;
            yield break;
        }

        string marker = text.StartsWith("///") ? "/// " : text.StartsWith("//") ? "// " : "";
        if (marker.Length > 0)
        {
            foreach (string line in WrapComment(indent, marker, text.Substring(marker.Length).TrimStart())) yield return line;
            yield break;
        }

        int comment = TrailingComment(text);
        if (comment > 0)
        {
            foreach (string line in WrapComment(indent, "// ", text.Substring(comment + 2).TrimStart())) yield return line;
            text = text.Substring(0, comment).TrimEnd();
        }

        foreach (string line in WrapCode(indent, text)) yield return line;
    }

    private static IEnumerable<string> WrapComment(string indent, string marker, string words)
    {
        int room = MaxLength - indent.Length - marker.Length;
        while (words.Length > room)
        {
            int cut = words.LastIndexOf(' ', room);
            if (cut <= 0) cut = words.IndexOf(' ', room);
            if (cut <= 0) break;
            yield return indent + marker + words.Substring(0, cut);
            words = words.Substring(cut + 1);
        }

        yield return indent + marker + words;
    }

    private static IEnumerable<string> WrapCode(string indent, string text)
    {
        string continuation = indent + "    ";
        string current = indent;
        while (current.Length + text.Length > MaxLength)
        {
            int room = MaxLength - current.Length;
            int cut = BreakPoint(text, room);
            if (cut < 0)
            {
                int split = StringSplit(text, room);
                if (split < 0) break;
                // "... words " + newline "more words ...": the literal goes on as a constant concatenation.
                yield return current + text.Substring(0, split) + "\" +";
                text = "\"" + text.Substring(split);
            }
            else
            {
                yield return current + text.Substring(0, cut).TrimEnd();
                text = text.Substring(cut).TrimStart();
            }

            current = continuation;
        }

        yield return current + text;
    }

    /// <summary>
    /// Each index of <paramref name="text"/> below <paramref name="end"/> with whether it lies inside a string literal
    /// (a quote counts as outside; an escaped character is skipped), the one walk the scans below share.
    /// </summary>
    private static IEnumerable<(int Index, bool InString)> Characters(string text, int end)
    {
        bool inString = false;
        for (int i = 0; i < Math.Min(text.Length, end); i++)
        {
            char ch = text[i];
            if (inString && ch == '\\') i++;
            else if (ch == '"') inString = !inString;
            else yield return (i, inString);
        }
    }

    /// <summary>The rightmost place within <paramref name="room"/> to break code, outside strings; -1 if none.</summary>
    private static int BreakPoint(string text, int room)
    {
        int best = -1;
        foreach ((int i, bool inString) in Characters(text, room + 1))
            if (!inString && text[i] == ' ' && i >= MinimumPiece && IsBreak(text, i)) best = i;
        return best;
    }

    private static bool IsBreak(string text, int space)
    {
        char before = text[space - 1];
        if (before == ',' || (before == '=' && text[space - 2] == ' ') || (before == '>' && text[space - 2] == '=')) return true;
        foreach (string op in OperatorsBrokenBefore)
        {
            int end = space + 1 + op.Length;
            if (end < text.Length && string.CompareOrdinal(text, space + 1, op, 0, op.Length) == 0 && text[end] == ' ') return true;
        }

        return false;
    }

    /// <summary>A space inside a string literal within <paramref name="room"/> (leaving room for <c>" +</c>) to split it at; -1 if none.</summary>
    private static int StringSplit(string text, int room)
    {
        int best = -1;
        foreach ((int i, bool inString) in Characters(text, room - 2))
            if (inString && text[i] == ' ' && i >= MinimumPiece) best = i + 1;
        return best;
    }

    /// <summary>The index of a <c>//</c> comment after code on the line, outside strings; -1 if none.</summary>
    private static int TrailingComment(string text)
    {
        foreach ((int i, bool inString) in Characters(text, text.Length - 1))
            if (!inString && text[i] == '/' && text[i + 1] == '/') return i;
        return -1;
    }
}
