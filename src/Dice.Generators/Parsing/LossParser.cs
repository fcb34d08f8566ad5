using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
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

        // The attribute as written: an instance of DiceLossAttribute itself (its file is compiled into the generator),
        // each named argument set on the property of its name, the rest at their defaults; no option is read by hand.
        DiceLossAttribute a = Configured(attribute);
        var named = attribute.NamedArguments.ToDictionary(n => n.Key, n => n.Value);

        bool enumsDefined = true;
        void CheckEnum<TEnum>(string name, TEnum value) where TEnum : struct, Enum
        {
            if (Enum.IsDefined(typeof(TEnum), value)) return;
            Report(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation(name), name, Convert.ToInt32(value, CultureInfo.InvariantCulture), name);
            enumsDefined = false;
        }

        CheckEnum(nameof(DiceLossAttribute.Combine), a.Combine);
        CheckEnum(nameof(DiceLossAttribute.Activation), a.Activation);
        CheckEnum(nameof(DiceLossAttribute.Target), a.Target);
        CheckEnum(nameof(DiceLossAttribute.Overlap), a.Overlap);
        CheckEnum(nameof(DiceLossAttribute.GeneralizedWeighting), a.GeneralizedWeighting);
        CheckEnum(nameof(DiceLossAttribute.Layout), a.Layout);

        // Jaccard = true is the older spelling of Overlap = Overlap.Jaccard; with another Overlap it contradicts it.
#pragma warning disable CS0618 // the obsolete spelling is read on purpose
        bool jaccardSpelling = a.Jaccard;
#pragma warning restore CS0618
        if (jaccardSpelling)
        {
            if (named.ContainsKey(nameof(DiceLossAttribute.Overlap)) && a.Overlap != Overlap.Jaccard)
                Report(DiagnosticDescriptors.JaccardConflictsWithOverlap, ArgumentLocation(JaccardName), a.Overlap);
            else
                a.Overlap = Overlap.Jaccard;
        }

        if (a.Classes < 1 || a.Classes > DiagnosticDescriptors.MaxClasses)
            Report(DiagnosticDescriptors.ClassesOutOfRange, ArgumentLocation(nameof(DiceLossAttribute.Classes)), a.Classes, DiagnosticDescriptors.MaxClasses);
        if (a.Smooth == 0)
            Report(DiagnosticDescriptors.SmoothZero, ArgumentLocation(nameof(DiceLossAttribute.Smooth)));
        if (a.Combine == Combine.None && named.ContainsKey(nameof(DiceLossAttribute.Alpha)) && a.Alpha is >= 0 and <= 1)
            Report(DiagnosticDescriptors.AlphaWithoutCombine, ArgumentLocation(nameof(DiceLossAttribute.Alpha)));

        if (!a.IncludeBackground && a.Classes == 1)
            Report(DiagnosticDescriptors.NoForegroundClass, ArgumentLocation(nameof(DiceLossAttribute.IncludeBackground)));

        if (a.Combine == Combine.CrossEntropy)
        {
            if (a.Classes < 2) Report(DiagnosticDescriptors.CrossEntropyClasses, ArgumentLocation(nameof(DiceLossAttribute.Combine)));
            if (a.Activation is not (Activation.Auto or Activation.Softmax))
                Report(DiagnosticDescriptors.CrossEntropyActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)), a.Activation);
            if (a.Target == Target.Masks) Report(DiagnosticDescriptors.CrossEntropyMasks, ArgumentLocation(nameof(DiceLossAttribute.Target)));
        }
        else if (a.Combine == Combine.BinaryCrossEntropy && a.Activation is not (Activation.Auto or Activation.Sigmoid))
        {
            Report(DiagnosticDescriptors.BinaryCrossEntropyActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)), a.Activation);
        }
        else if (a.Combine == Combine.Focal && a.Activation == Activation.None)
        {
            Report(DiagnosticDescriptors.FocalActivation, ArgumentLocation(nameof(DiceLossAttribute.Activation)));
        }

        Target resolvedTarget = a.Target != Target.Auto ? a.Target
            : a.Combine == Combine.CrossEntropy || (a.Classes >= 2 && a.Combine != Combine.BinaryCrossEntropy) ? Target.Labels
            : Target.Masks;
        Activation resolvedActivation = a.Activation != Activation.Auto ? a.Activation : a.Combine switch
        {
            Combine.CrossEntropy => Activation.Softmax,
            Combine.BinaryCrossEntropy => Activation.Sigmoid,
            Combine.Focal => resolvedTarget == Target.Labels ? Activation.Softmax : Activation.Sigmoid,
            _ => Activation.None,
        };

        if (a.Combine == Combine.Focal && resolvedActivation == Activation.Softmax && resolvedTarget == Target.Masks)
            Report(DiagnosticDescriptors.FocalSoftmaxMasks, ArgumentLocation(nameof(DiceLossAttribute.Target)));
        if (a.Squared && a.Overlap is Overlap.Tversky or Overlap.GeneralizedDice)
            Report(DiagnosticDescriptors.SquaredWithOverlap, ArgumentLocation(nameof(DiceLossAttribute.Squared)), a.Overlap);
        if (a.Overlap == Overlap.GeneralizedDice && a.ClassWeights is not null)
            Report(DiagnosticDescriptors.ClassWeightsWithGeneralizedDice, ArgumentLocation(nameof(DiceLossAttribute.ClassWeights)));
        // The default Smooth of 1 is the usual case: then the warning sits on the Overlap that chose Generalized Dice.
        if (a.Overlap == Overlap.GeneralizedDice && a.GeneralizedWeighting == GeneralizedWeighting.InverseSquaredVolume && a.Smooth > DiagnosticDescriptors.GeneralizedSmoothLimit)
        {
            string at = named.ContainsKey(nameof(DiceLossAttribute.Smooth)) ? nameof(DiceLossAttribute.Smooth) : nameof(DiceLossAttribute.Overlap);
            Report(DiagnosticDescriptors.GeneralizedSmoothSwamps, ArgumentLocation(at), a.Smooth.ToString("R", CultureInfo.InvariantCulture));
        }

        // Parameters that this configuration never reads: say so rather than ignore them silently.
        foreach (string name in new[] { nameof(DiceLossAttribute.FalsePositiveWeight), nameof(DiceLossAttribute.FalseNegativeWeight) })
            if (a.Overlap != Overlap.Tversky && named.ContainsKey(name))
                Report(DiagnosticDescriptors.TverskyWeightIgnored, ArgumentLocation(name), name, a.Overlap);
        if (a.Overlap != Overlap.GeneralizedDice && named.ContainsKey(nameof(DiceLossAttribute.GeneralizedWeighting)))
            Report(DiagnosticDescriptors.GeneralizedWeightingIgnored, ArgumentLocation(nameof(DiceLossAttribute.GeneralizedWeighting)), a.Overlap);
        if (a.Combine != Combine.Focal && named.ContainsKey(nameof(DiceLossAttribute.FocalGamma)))
            Report(DiagnosticDescriptors.FocalGammaIgnored, ArgumentLocation(nameof(DiceLossAttribute.FocalGamma)), a.Combine);
        // One pixel term's options on another: errors, as the user expects them to act (the run-time check is ParameterRules').
        if (a.Combine != Combine.BinaryCrossEntropy && named.ContainsKey(nameof(DiceLossAttribute.PositiveWeights)))
            Report(DiagnosticDescriptors.PositiveWeightsWithoutBinaryCrossEntropy, ArgumentLocation(nameof(DiceLossAttribute.PositiveWeights)), a.Combine);
        if (a.Combine != Combine.CrossEntropy && named.ContainsKey(nameof(DiceLossAttribute.LabelSmoothing)))
            Report(DiagnosticDescriptors.LabelSmoothingWithoutCrossEntropy, ArgumentLocation(nameof(DiceLossAttribute.LabelSmoothing)), a.Combine);

        if (resolvedActivation == Activation.Softmax && a.Classes == 1 && a.Combine != Combine.CrossEntropy)
            Report(DiagnosticDescriptors.SoftmaxSingleClass, ArgumentLocation(nameof(DiceLossAttribute.Activation)));
        if (resolvedTarget == Target.Masks && named.ContainsKey(nameof(DiceLossAttribute.IgnoreIndex)))
            Report(DiagnosticDescriptors.IgnoreIndexWithMasks, ArgumentLocation(nameof(DiceLossAttribute.IgnoreIndex)));

        // The rules on the values that are data at run time: one definition for this diagnostic and the run-time check.
        var structure = new ParameterStructure(a.Classes, resolvedTarget == Target.Labels, a.IncludeBackground, a.LogLoss, a.Combine, a.Overlap);
        var values = new ParameterValues
        {
            Smooth = a.Smooth, Alpha = a.Alpha, IgnoreIndex = a.IgnoreIndex, ClassWeights = a.ClassWeights,
            FalsePositiveWeight = a.FalsePositiveWeight, FalseNegativeWeight = a.FalseNegativeWeight,
            OverlapExponent = a.OverlapExponent, FocalGamma = a.FocalGamma,
            PositiveWeights = a.PositiveWeights, LabelSmoothing = a.LabelSmoothing,
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
                ? new InvalidLossModel(Identity(type), resolvedTarget == Target.Labels, errors.ToEquatableArray(), a.PixelWeights)
                : null;
            return new LossGenerationResult(null, diagnosticArray) { Invalid = invalid };
        }

        // Every option by its name from the attribute as written (LossOptions.From), then what the parser resolved.
        LossOptions options = LossOptions.From(a) with
        {
            Activation = resolvedActivation,
            ActivationWasAuto = a.Activation == Activation.Auto,
            Target = resolvedTarget,
            TargetWasAuto = a.Target == Target.Auto,
            // Masks have no labels to ignore: the model keeps the attribute's default so that it caches alike.
            IgnoreIndex = resolvedTarget == Target.Labels ? a.IgnoreIndex : new DiceLossAttribute().IgnoreIndex,
        };
        // A Debug build compiles the generated kernels unoptimised (they are this assembly's code): say so, once per loss.
        if (context.SemanticModel.Compilation.Options.OptimizationLevel == OptimizationLevel.Debug)
        {
            Report(DiagnosticDescriptors.DebugBuildKernels, LocationInfo.From(attributeSyntax?.Name.GetLocation()) ?? nameLocation, type.Name);
            diagnosticArray = diagnostics.ToEquatableArray();
        }

        return new LossGenerationResult(new LossModel(Identity(type), options), diagnosticArray);
    }

    /// <summary>
    /// The attribute as the user wrote it: a <see cref="DiceLossAttribute"/> with each named argument set on the property
    /// of its name (an enum from its integer, ClassWeights with NaN for an element that is not a float, which its rule
    /// reports) and every other property at its default. An argument the compiler already rejected is left out.
    /// </summary>
    private static DiceLossAttribute Configured(AttributeData attribute)
    {
        var configured = new DiceLossAttribute();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            PropertyInfo? property = typeof(DiceLossAttribute).GetProperty(argument.Key);
            TypedConstant constant = argument.Value;
            if (property is null || constant.Kind == TypedConstantKind.Error) continue;
            object? value = constant.Kind == TypedConstantKind.Array
                ? constant.IsNull ? null : constant.Values.Select(v => v.Value is float f ? f : float.NaN).ToArray()
                : property.PropertyType.IsEnum && constant.Value is int raw ? Enum.ToObject(property.PropertyType, raw)
                : constant.Value;
            if (value is null ? !property.PropertyType.IsValueType : property.PropertyType.IsInstanceOfType(value))
                property.SetValue(configured, value);
        }

        return configured;
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
