using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dice.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Dice.CodeFixes;

/// <summary>
/// The mechanical fixes of the DICE diagnostics: make the class (or a containing type) partial, remove an argument that
/// the configuration ignores, replace the obsolete <c>Jaccard = true</c> with <c>Overlap = Overlap.Jaccard</c>
/// (or remove it where it contradicts the Overlap given), and give Generalized Dice MONAI's Smooth of 1e-5.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiceLossCodeFixProvider)), Shared]
public sealed class DiceLossCodeFixProvider : CodeFixProvider
{
    /// <summary>The compiler's warning for a use of an obsolete member: here, <c>Jaccard = true</c>.</summary>
    internal const string ObsoleteId = "CS0618";

#pragma warning disable CS0618 // the obsolete spelling is what the fix replaces
    private const string JaccardName = nameof(DiceLossAttribute.Jaccard);
#pragma warning restore CS0618

    private static readonly ImmutableArray<string> MakePartial =
        [DiagnosticDescriptors.ClassNotPartial.Id, DiagnosticDescriptors.ContainingTypeNotPartial.Id];

    /// <summary>A value the configuration ignores, or the obsolete spelling that contradicts Overlap: the argument goes.</summary>
    private static readonly ImmutableArray<string> RemoveArgument =
    [
        DiagnosticDescriptors.AlphaWithoutCombine.Id, DiagnosticDescriptors.IgnoreIndexWithMasks.Id,
        DiagnosticDescriptors.TverskyWeightIgnored.Id, DiagnosticDescriptors.GeneralizedWeightingIgnored.Id,
        DiagnosticDescriptors.FocalGammaIgnored.Id, DiagnosticDescriptors.JaccardConflictsWithOverlap.Id,
    ];

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        [.. MakePartial, .. RemoveArgument, ObsoleteId, DiagnosticDescriptors.GeneralizedSmoothSwamps.Id];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (MakePartial.Contains(diagnostic.Id) && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Make '{type.Identifier.ValueText}' partial", _ => Replace(context.Document, root, type, AddPartial(type)), diagnostic.Id),
                    diagnostic);
            }
            else if (DiceLossArgument(node) is { } argument)
            {
                if (RemoveArgument.Contains(diagnostic.Id))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Remove '{argument}' (it has no effect here)", _ => Remove(context.Document, root, argument), diagnostic.Id),
                        diagnostic);
                }
                else if (diagnostic.Id == DiagnosticDescriptors.GeneralizedSmoothSwamps.Id)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Use 'Smooth = {DiagnosticDescriptors.GeneralizedSmoothFix}' (MONAI's default)",
                            _ => UseSmallSmooth(context.Document, root, argument), diagnostic.Id),
                        diagnostic);
                }
                else if (diagnostic.Id == ObsoleteId && argument.NameEquals?.Name.Identifier.ValueText == JaccardName)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use 'Overlap = Overlap.Jaccard'", token => UseOverlap(context.Document, root, argument, token), ObsoleteId),
                        diagnostic);
                }
            }
        }
    }

    /// <summary>The named argument of a <c>[DiceLoss]</c> attribute that holds <paramref name="node"/>, if any.</summary>
    private static AttributeArgumentSyntax? DiceLossArgument(SyntaxNode node)
    {
        AttributeArgumentSyntax? argument = node.FirstAncestorOrSelf<AttributeArgumentSyntax>();
        if (argument?.NameEquals is null || argument.Parent?.Parent is not AttributeSyntax attribute) return null;
        string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText : attribute.Name.ToString();
        return name is "DiceLoss" or "DiceLossAttribute" ? argument : null;
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        // 'partial' goes last among the modifiers, before the keyword, as the compiler requires.
        SyntaxToken partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (type.Modifiers.Count == 0)
        {
            return type.WithKeyword(type.Keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(type.Keyword.LeadingTrivia)));
        }

        return type.WithModifiers(type.Modifiers.Add(partial));
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode oldNode, SyntaxNode newNode) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)));

    private static Task<Document> Remove(Document document, SyntaxNode root, AttributeArgumentSyntax argument)
    {
        var list = (AttributeArgumentListSyntax)argument.Parent!;
        AttributeArgumentListSyntax shorter = list.WithArguments(list.Arguments.Remove(argument));
        // [DiceLoss(Alpha = 0.2f)] becomes [DiceLoss], not [DiceLoss()].
        SyntaxNode attribute = list.Parent!;
        SyntaxNode fixedAttribute = shorter.Arguments.Count == 0
            ? ((AttributeSyntax)attribute).WithArgumentList(null)
            : ((AttributeSyntax)attribute).WithArgumentList(shorter);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute)));
    }

    /// <summary>
    /// Sets Smooth to MONAI's 1e-5: replaces the value of the Smooth argument the diagnostic sits on, or, when it sits on
    /// the Overlap argument (Smooth left at its default of 1), adds Smooth after it.
    /// </summary>
    private static Task<Document> UseSmallSmooth(Document document, SyntaxNode root, AttributeArgumentSyntax argument)
    {
        ExpressionSyntax value = SyntaxFactory.ParseExpression(DiagnosticDescriptors.GeneralizedSmoothFix);
        if (argument.NameEquals!.Name.Identifier.ValueText == nameof(DiceLossAttribute.Smooth))
            return Replace(document, root, argument, argument.WithExpression(value.WithTriviaFrom(argument.Expression)));

        var list = (AttributeArgumentListSyntax)argument.Parent!;
        AttributeArgumentSyntax smooth = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(nameof(DiceLossAttribute.Smooth)), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            value);
        int at = list.Arguments.IndexOf(argument) + 1;
        return Replace(document, root, list, list.WithArguments(list.Arguments.Insert(at, smooth)));
    }

    private static async Task<Document> UseOverlap(Document document, SyntaxNode root, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var list = (AttributeArgumentListSyntax)argument.Parent!;
        bool hasOverlap = list.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == nameof(DiceLossAttribute.Overlap));
        if (hasOverlap)
            return await Remove(document, root, argument).ConfigureAwait(false);
        // Fully qualified, then simplified to what the file's usings allow (Overlap.Jaccard under 'using Dice;').
        AttributeArgumentSyntax overlap = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(nameof(DiceLossAttribute.Overlap)),
                null,
                SyntaxFactory.ParseExpression("global::Dice.Overlap.Jaccard").WithAdditionalAnnotations(Simplifier.Annotation))
            .WithTriviaFrom(argument);
        Document replaced = document.WithSyntaxRoot(root.ReplaceNode(argument, overlap));
        return await Simplifier.ReduceAsync(replaced, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
