# Sourced by .ci/consumer-check and bench/debug-build.sh: packs Dice.Runtime under a version of its own (so that no
# copy in the NuGet cache from an earlier pack is used) into $work/feed, and writes the project $work/app/$2.csproj
# around the program $1, with only a PackageReference to that package and a nuget.config that finds it.
#   make_consumer_project PROGRAM.cs NAME [PROPERTY_XML]
make_consumer_project() {
  local program="$1" name="$2" properties="${3:-}"
  version="0.1.0-local.$(date +%s)"
  dotnet pack "$root/src/Dice.Runtime" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
  mkdir -p "$work/app"
  cp "$program" "$work/app/Program.cs"
  cat > "$work/app/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    $properties
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Dice.Runtime" Version="$version" />
  </ItemGroup>
</Project>
XML
  cat > "$work/app/nuget.config" <<XML
<configuration>
  <packageSources>
    <add key="dice-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
}
