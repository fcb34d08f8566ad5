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
#pragma warning disable CS0618 // the obsolete spelling is read on purpose
    private const string JaccardName = nameof(DiceLossAttribute.Jaccard);
#pragma warning restore CS0618

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
        // A class at fault itself (not partial, static, generic, a member with a generated name) can take no members.
        bool canTakeMembers = diagnostics.Count == 0;

        // Argument names come from nameof and defaults from an instance of the attribute itself (its file is
        // compiled into the generator), so a renamed or added option cannot be misread here.
        var defaults = new DiceLossAttribute();
        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
        T Get<T>(string name, T fallback) => named.TryGetValue(name, out TypedConstant value) && value.Value is T t ? t : fallback;
        TEnum GetEnum<TEnum>(string name, TEnum fallback) where TEnum : struct, Enum =>
            named.TryGetValue(name, out TypedConstant value) && value.Value is int raw ? (TEnum)Enum.ToObject(typeof(TEnum), raw) : fallback;

        int classes = Get(nameof(DiceLossAttribute.Classes), defaults.Classes);
        Combine combine = GetEnum(nameof(DiceLossAttribute.Combine), defaults.Combine);
        Activation activation = GetEnum(nameof(DiceLossAttribute.Activation), defaults.Activation);
        Target target = GetEnum(nameof(DiceLossAttribute.Target), defaults.Target);
        float smooth = Get(nameof(DiceLossAttribute.Smooth), defaults.Smooth);
        float alpha = Get(nameof(DiceLossAttribute.Alpha), defaults.Alpha);
        bool includeBackground = Get(nameof(DiceLossAttribute.IncludeBackground), defaults.IncludeBackground);
        int ignoreIndex = Get(nameof(DiceLossAttribute.IgnoreIndex), defaults.IgnoreIndex);
        Overlap overlap = GetEnum(nameof(DiceLossAttribute.Overlap), defaults.Overlap);
        float falsePositiveWeight = Get(nameof(DiceLossAttribute.FalsePositiveWeight), defaults.FalsePositiveWeight);
        float falseNegativeWeight = Get(nameof(DiceLossAttribute.FalseNegativeWeight), defaults.FalseNegativeWeight);
        float overlapExponent = Get(nameof(DiceLossAttribute.OverlapExponent), defaults.OverlapExponent);
        GeneralizedWeighting weighting = GetEnum(nameof(DiceLossAttribute.GeneralizedWeighting), defaults.GeneralizedWeighting);
        float focalGamma = Get(nameof(DiceLossAttribute.FocalGamma), defaults.FocalGamma);
        bool squared = Get(nameof(DiceLossAttribute.Squared), defaults.Squared);
        bool logLoss = Get(nameof(DiceLossAttribute.LogLoss), defaults.LogLoss);
#pragma warning disable CS0618 // the obsolete spelling is read on purpose
        bool jaccardSpelling = Get(JaccardName, defaults.Jaccard);
#pragma warning restore CS0618
        float[]? weights = named.TryGetValue(nameof(DiceLossAttribute.ClassWeights), out TypedConstant weightsConstant) && !weightsConstant.IsNull
            ? weightsConstant.Values.Select(v => v.Value is float f ? f : float.NaN).ToArray()
            : defaults.ClassWeights;

        bool enumsDefined = true;
        void CheckEnum<TEnum>(string name, TEnum value) where TEnum : struct, Enum
        {
            if (Enum.IsDefined(typeof(TEnum), value)) return;
            Report(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation(name), name, Convert.ToInt32(value, CultureInfo.InvariantCulture), name);
            enumsDefined = false;
        }

        CheckEnum(nameof(DiceLossAttribute.Combine), combine);
        CheckEnum(nameof(DiceLossAttribute.Activation), activation);
        CheckEnum(nameof(DiceLossAttribute.Target), target);
        CheckEnum(nameof(DiceLossAttribute.Overlap), overlap);
        CheckEnum(nameof(DiceLossAttribute.GeneralizedWeighting), weighting);

        // Jaccard = true is the older spelling of Overlap = Overlap.Jaccard; with another Overlap it contradicts it.
        if (jaccardSpelling)
        {
            if (named.ContainsKey(nameof(DiceLossAttribute.Overlap)) && overlap != Overlap.Jaccard)
                Report(DiagnosticDescriptors.JaccardConflictsWithOverlap, ArgumentLocation(JaccardName), overlap);
            else
                overlap = Overlap.Jaccard;
        }

        if (classes < 1 || classes > DiagnosticDescriptors.MaxClasses)
            Report(DiagnosticDescriptors.ClassesOutOfRange, ArgumentLocation(nameof(DiceLossAttribute.Classes)), classes, DiagnosticDescriptors.MaxClasses);
        if (smooth == 0)
            Report(DiagnosticDescriptors.SmoothZero, ArgumentLocation(nameof(DiceLossAttribute.Smooth)));
        if (combine == Combine.None && named.ContainsKey(nameof(DiceLossAttribute.Alpha)) && alpha is >= 0 and <= 1)
            Report(DiagnosticDescriptors.AlphaWithoutCombine, ArgumentLocation(nameof(DiceLossAttribute.Alpha)));

        if (!includeBackground && classes == 1)
            Report(DiagnosticDescriptors.NoForegroundClass, ArgumentLocation(nameof(DiceLossAttribute.IncludeBackground)));

        if (combine == Combine.CrossEntropy)
        {
            if (classes < 2) Report(DiagnosticDescriptors.CrossEntropyClasses, ArgumentLocation(nameof(DiceLossAttribute.Combine)));
            if (activation is not (Activation.Auto or Activation.Softmax))
                Report(DiagnosticDescriptors.CrossEntropyActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)), activation);
            if (target == Target.Masks) Report(DiagnosticDescriptors.CrossEntropyMasks, ArgumentLocation(nameof(DiceLossAttribute.Target)));
        }
        else if (combine == Combine.BinaryCrossEntropy && activation is not (Activation.Auto or Activation.Sigmoid))
        {
            Report(DiagnosticDescriptors.BinaryCrossEntropyActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)), activation);
        }
        else if (combine == Combine.Focal && activation == Activation.None)
        {
            Report(DiagnosticDescriptors.FocalActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)));
        }

        Target resolvedTarget = target != Target.Auto ? target
            : combine == Combine.CrossEntropy || (classes >= 2 && combine != Combine.BinaryCrossEntropy) ? Target.Labels
            : Target.Masks;
        Activation resolvedActivation = activation != Activation.Auto ? activation : combine switch
        {
            Combine.CrossEntropy => Activation.Softmax,
            Combine.BinaryCrossEntropy => Activation.Sigmoid,
            Combine.Focal => resolvedTarget == Target.Labels ? Activation.Softmax : Activation.Sigmoid,
            _ => Activation.None,
        };

        if (combine == Combine.Focal && resolvedActivation == Activation.Softmax && resolvedTarget == Target.Masks)
            Report(DiagnosticDescriptors.FocalSoftmaxMasks, ArgumentLocation(nameof(DiceLossAttribute.Target)));
        if (squared && overlap is Overlap.Tversky or Overlap.GeneralizedDice)
            Report(DiagnosticDescriptors.SquaredWithOverlap, ArgumentLocation(nameof(DiceLossAttribute.Squared)), overlap);
        if (overlap == Overlap.GeneralizedDice && weights is not null)
            Report(DiagnosticDescriptors.ClassWeightsWithGeneralizedDice, ArgumentLocation(nameof(DiceLossAttribute.ClassWeights)));
        // The default Smooth of 1 is the usual case: then the warning sits on the Overlap that chose Generalized Dice.
        if (overlap == Overlap.GeneralizedDice && weighting == GeneralizedWeighting.InverseSquaredVolume && smooth > DiagnosticDescriptors.GeneralizedSmoothLimit)
        {
            string at = named.ContainsKey(nameof(DiceLossAttribute.Smooth)) ? nameof(DiceLossAttribute.Smooth) : nameof(DiceLossAttribute.Overlap);
            Report(DiagnosticDescriptors.GeneralizedSmoothSwamps, ArgumentLocation(at), smooth.ToString("R", CultureInfo.InvariantCulture));
        }

        // Parameters that this configuration never reads: say so rather than ignore them silently.
        foreach (string name in new[] { nameof(DiceLossAttribute.FalsePositiveWeight), nameof(DiceLossAttribute.FalseNegativeWeight) })
            if (overlap != Overlap.Tversky && named.ContainsKey(name))
                Report(DiagnosticDescriptors.TverskyWeightIgnored, ArgumentLocation(name), name, overlap);
        if (overlap != Overlap.GeneralizedDice && named.ContainsKey(nameof(DiceLossAttribute.GeneralizedWeighting)))
            Report(DiagnosticDescriptors.GeneralizedWeightingIgnored, ArgumentLocation(nameof(DiceLossAttribute.GeneralizedWeighting)), overlap);
        if (combine != Combine.Focal && named.ContainsKey(nameof(DiceLossAttribute.FocalGamma)))
            Report(DiagnosticDescriptors.FocalGammaIgnored, ArgumentLocation(nameof(DiceLossAttribute.FocalGamma)), combine);

        if (resolvedActivation == Activation.Softmax && classes == 1 && combine != Combine.CrossEntropy)
            Report(DiagnosticDescriptors.SoftmaxSingleClass, ArgumentLocation(nameof(DiceLossAttribute.Activation)));
        if (resolvedTarget == Target.Masks && named.ContainsKey(nameof(DiceLossAttribute.IgnoreIndex)))
            Report(DiagnosticDescriptors.IgnoreIndexWithMasks, ArgumentLocation(nameof(DiceLossAttribute.IgnoreIndex)));

        // The rules on the values that are data at run time: one definition for this diagnostic and the run-time check.
        var structure = new ParameterStructure(classes, resolvedTarget == Target.Labels, includeBackground, logLoss, combine, overlap);
        var values = new ParameterValues
        {
            Smooth = smooth, Alpha = alpha, IgnoreIndex = ignoreIndex, ClassWeights = weights,
            FalsePositiveWeight = falsePositiveWeight, FalseNegativeWeight = falseNegativeWeight,
            OverlapExponent = overlapExponent, FocalGamma = focalGamma,
        };
        foreach (ParameterViolation violation in ParameterRules.Check(structure, values) ?? [])
        {
            Report(DiagnosticDescriptors.For(violation.Rule), ArgumentLocation(violation.Parameter), violation.Arguments);
        }

        var diagnosticArray = diagnostics.ToEquatableArray();
        var errors = diagnostics.Where(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Select(d => d.Descriptor.Id).Distinct().ToList();
        if (!enumsDefined || errors.Count > 0)
        {
            // The placeholder keeps the class's callers compiling, so the DICE errors are the build's only errors.
            InvalidLossModel? invalid = canTakeMembers
                ? new InvalidLossModel(Identity(type), resolvedTarget == Target.Labels, errors.ToEquatableArray())
                : null;
            return new LossGenerationResult(null, diagnosticArray) { Invalid = invalid };
        }

        var options = new LossOptions
        {
            Classes = classes,
            Combine = combine,
            Activation = resolvedActivation,
            ActivationWasAuto = activation == Activation.Auto,
            Target = resolvedTarget,
            TargetWasAuto = target == Target.Auto,
            Smooth = smooth,
            Alpha = alpha,
            IncludeBackground = includeBackground,
            BatchDice = Get(nameof(DiceLossAttribute.BatchDice), defaults.BatchDice),
            Squared = squared,
            Overlap = overlap,
            LogLoss = logLoss,
            // Masks have no labels to ignore: the model keeps the attribute's default so that it caches alike.
            IgnoreIndex = resolvedTarget == Target.Labels ? ignoreIndex : defaults.IgnoreIndex,
            ClassWeights = (weights ?? Array.Empty<float>()).ToEquatableArray(),
            FalsePositiveWeight = falsePositiveWeight,
            FalseNegativeWeight = falseNegativeWeight,
            OverlapExponent = overlapExponent,
            GeneralizedWeighting = weighting,
            FocalGamma = focalGamma,
        };
        // A Debug build compiles the generated kernels unoptimised (they are this assembly's code): say so, once per loss.
        if (context.SemanticModel.Compilation.Options.OptimizationLevel == OptimizationLevel.Debug)
        {
            Report(DiagnosticDescriptors.DebugBuildKernels, LocationInfo.From(attributeSyntax?.Name.GetLocation()) ?? nameLocation, type.Name);
            diagnosticArray = diagnostics.ToEquatableArray();
        }

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

        foreach (string name in GeneratedMembers.All)
        {
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (member.IsImplicitlyDeclared) continue;
                Location? location = member.Locations.FirstOrDefault(l => l.IsInSource);
                report(DiagnosticDescriptors.MemberNameTaken, LocationInfo.From(location) ?? nameLocation,
                    [type.Name, name, string.Join(", ", GeneratedMembers.All)]);
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
}
