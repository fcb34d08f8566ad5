using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dice.Generators.Diagnostics;
using Dice.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dice.Generators.Parsing;

/// <summary>
/// Reads one <c>[DiceLoss]</c> application into a resolved <see cref="LossModel"/>, or into the
/// diagnostics that explain why it cannot be generated. The only place that touches symbols and syntax.
/// </summary>
internal static class LossParser
{
    public static LossGenerationResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        AttributeData attribute = context.Attributes[0];
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var diagnostics = new List<DiagnosticInfo>();
        var nameLocation = LocationInfo.From(declaration.Identifier.GetLocation());

        void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] args) =>
            diagnostics.Add(new DiagnosticInfo(descriptor, location,
                args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToEquatableArray()));

        LocationInfo? ArgumentLocation(string name)
        {
            AttributeArgumentSyntax? argument = attributeSyntax?.ArgumentList?.Arguments
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
            return LocationInfo.From((argument ?? (SyntaxNode?)attributeSyntax)?.GetLocation()) ?? nameLocation;
        }

        CheckStructure(type, declaration, nameLocation, Report, cancellationToken);

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        T Get<T>(string name, T fallback) => named.TryGetValue(name, out TypedConstant value) && value.Value is T t ? t : fallback;

        int classes = Get("Classes", 1);
        var combine = (CombineKind)Get("Combine", 0);
        var activation = (ActivationKind)Get("Activation", 0);
        var target = (TargetKind)Get("Target", 0);
        float smooth = Get("Smooth", 1f);
        float alpha = Get("Alpha", 0.5f);
        bool includeBackground = Get("IncludeBackground", true);
        int ignoreIndex = Get("IgnoreIndex", -100);
        float[]? weights = named.TryGetValue("ClassWeights", out TypedConstant weightsConstant) && !weightsConstant.IsNull
            ? weightsConstant.Values.Select(v => v.Value is float f ? f : float.NaN).ToArray()
            : null;

        bool enumsDefined = true;
        void CheckEnum<TEnum>(string name, TEnum value) where TEnum : struct, Enum
        {
            if (Enum.IsDefined(typeof(TEnum), value)) return;
            Report(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation(name), name, Convert.ToInt32(value, CultureInfo.InvariantCulture), name);
            enumsDefined = false;
        }

        CheckEnum("Combine", combine);
        CheckEnum("Activation", activation);
        CheckEnum("Target", target);

        if (classes < 1 || classes > DiagnosticDescriptors.MaxClasses)
            Report(DiagnosticDescriptors.ClassesOutOfRange, ArgumentLocation("Classes"), classes, DiagnosticDescriptors.MaxClasses);
        if (!IsFinite(smooth) || smooth < 0)
            Report(DiagnosticDescriptors.SmoothInvalid, ArgumentLocation("Smooth"), Format(smooth));
        else if (smooth == 0)
            Report(DiagnosticDescriptors.SmoothZero, ArgumentLocation("Smooth"));
        if (!IsFinite(alpha) || alpha < 0 || alpha > 1)
            Report(DiagnosticDescriptors.AlphaInvalid, ArgumentLocation("Alpha"), Format(alpha));
        else if (combine == CombineKind.None && named.ContainsKey("Alpha"))
            Report(DiagnosticDescriptors.AlphaWithoutCombine, ArgumentLocation("Alpha"));

        if (!includeBackground && classes == 1)
            Report(DiagnosticDescriptors.NoForegroundClass, ArgumentLocation("IncludeBackground"));

        if (combine == CombineKind.CrossEntropy)
        {
            if (classes < 2) Report(DiagnosticDescriptors.CrossEntropyClasses, ArgumentLocation("Combine"));
            if (activation is not (ActivationKind.Auto or ActivationKind.Softmax))
                Report(DiagnosticDescriptors.CrossEntropyActivation, ArgumentLocation("Activation"), activation);
            if (target == TargetKind.Masks) Report(DiagnosticDescriptors.CrossEntropyMasks, ArgumentLocation("Target"));
        }
        else if (combine == CombineKind.BinaryCrossEntropy && activation is not (ActivationKind.Auto or ActivationKind.Sigmoid))
        {
            Report(DiagnosticDescriptors.BinaryCrossEntropyActivation, ArgumentLocation("Activation"), activation);
        }

        ActivationKind resolvedActivation = activation != ActivationKind.Auto ? activation : combine switch
        {
            CombineKind.CrossEntropy => ActivationKind.Softmax,
            CombineKind.BinaryCrossEntropy => ActivationKind.Sigmoid,
            _ => ActivationKind.None,
        };
        TargetKind resolvedTarget = target != TargetKind.Auto ? target
            : combine == CombineKind.CrossEntropy || (classes >= 2 && combine != CombineKind.BinaryCrossEntropy) ? TargetKind.Labels
            : TargetKind.Masks;

        if (resolvedActivation == ActivationKind.Softmax && classes == 1 && combine != CombineKind.CrossEntropy)
            Report(DiagnosticDescriptors.SoftmaxSingleClass, ArgumentLocation("Activation"));
        if (resolvedTarget == TargetKind.Labels && ignoreIndex >= 0 && ignoreIndex < classes)
            Report(DiagnosticDescriptors.IgnoreIndexIsClass, ArgumentLocation("IgnoreIndex"), ignoreIndex, classes);
        if (resolvedTarget == TargetKind.Masks && named.ContainsKey("IgnoreIndex"))
            Report(DiagnosticDescriptors.IgnoreIndexWithMasks, ArgumentLocation("IgnoreIndex"));

        if (weights is not null)
        {
            LocationInfo? weightsLocation = ArgumentLocation("ClassWeights");
            if (weights.Length != classes)
                Report(DiagnosticDescriptors.ClassWeightsCount, weightsLocation, weights.Length, classes);
            int bad = Array.FindIndex(weights, w => !IsFinite(w) || w < 0);
            if (bad >= 0)
                Report(DiagnosticDescriptors.ClassWeightInvalid, weightsLocation, bad, Format(weights[bad]));
            else if (weights.Length == classes && weights.Skip(includeBackground ? 0 : 1).Sum() == 0)
                Report(DiagnosticDescriptors.ClassWeightsZeroSum, weightsLocation, includeBackground ? "all" : "classes 1 and up");
        }

        var diagnosticArray = diagnostics.ToEquatableArray();
        if (!enumsDefined || diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            return new LossGenerationResult(null, diagnosticArray);

        var options = new LossOptions(
            classes, combine, resolvedActivation, activation == ActivationKind.Auto, resolvedTarget, target == TargetKind.Auto,
            smooth, alpha, includeBackground, Get("BatchDice", false), Get("Squared", false), Get("Jaccard", false),
            Get("LogLoss", false), resolvedTarget == TargetKind.Labels ? ignoreIndex : -100,
            (weights ?? Array.Empty<float>()).ToEquatableArray());
        return new LossGenerationResult(new LossModel(Identity(type), options), diagnosticArray);
    }

    private static void CheckStructure(
        INamedTypeSymbol type, ClassDeclarationSyntax declaration, LocationInfo? nameLocation,
        Action<DiagnosticDescriptor, LocationInfo?, object[]> report, CancellationToken cancellationToken)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            report(DiagnosticDescriptors.ClassNotPartial, nameLocation, [type.Name]);
        if (type.IsStatic)
            report(DiagnosticDescriptors.ClassIsStatic, nameLocation, [type.Name]);

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                report(DiagnosticDescriptors.ClassIsGeneric, nameLocation, [current.Name]);
                break;
            }
        }

        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (outerSyntax is not null && !outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                report(DiagnosticDescriptors.ContainingTypeNotPartial, LocationInfo.From(outerSyntax.Identifier.GetLocation()), [outer.Name, type.Name]);
        }
    }

    private static TypeIdentity Identity(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            string kind = outer.IsRecord
                ? (outer.IsValueType ? "record struct" : "record")
                : outer.TypeKind == TypeKind.Struct ? "struct" : outer.TypeKind == TypeKind.Interface ? "interface" : "class";
            containing.Insert(0, $"partial {kind} {outer.Name}");
        }

        string ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        return new TypeIdentity(ns, type.Name, containing.ToEquatableArray());
    }

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
