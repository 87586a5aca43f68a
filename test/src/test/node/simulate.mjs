// Evaluates IAM requests with @cloud-copilot/iam-simulate for the policy-compliance tests.
//
// stdin:  a JSON array of requests
//   {id, principalRoleArn, identityPolicies: [{name, policy}], permissionBoundaryPolicies: [{name, policy}],
//    resourcePolicy?, action, resource, resourceAccount, context: {key: string | string[]}}
// stdout: a JSON array with one result per request, in order
//   {id, result: Allowed | ImplicitlyDenied | ExplicitlyDenied | Error, explanation: {...}}
// Exit code 0 when every request was evaluated (an "Error" result is a request the evaluator rejected,
// e.g. an unknown action or a context key of the wrong type; the caller decides what that means).
import {
  getDenialReasons,
  getGrantReasons,
  runSimulation,
  runUnsafeSimulation
} from '@cloud-copilot/iam-simulate'
// iam-simulate's own policy parser (a dependency it pins): names the resource policy for the unvalidated run, which
// otherwise fails on a resource policy without a name.
import { createValidatedPolicy, validateResourcePolicy } from '@cloud-copilot/iam-policy'

async function readStdin() {
  const chunks = []
  for await (const chunk of process.stdin) {
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function simulationOf(request) {
  const simulation = {
    request: {
      principal: request.principalRoleArn,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: request.context ?? {}
    },
    identityPolicies: request.identityPolicies ?? [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    permissionBoundaryPolicies: request.permissionBoundaryPolicies ?? []
  }
  if (request.resourcePolicy) {
    simulation.resourcePolicy = request.resourcePolicy
  }
  return simulation
}

// The validated run (0.1.173) recognises variable context keys only after a '/' (aws:PrincipalTag/x), so it drops
// every kms:EncryptionContext:<key> (PARAMETER_ARN, SecretARN, aws:sqs:arn, ...), which AWS does evaluate. Such a
// request is validated first, then decided by the same engine without that input filter.
const ENCRYPTION_CONTEXT = /^kms:encryptioncontext:.+/i

function explain(pattern, result) {
  return {
    resource: pattern,
    resourceType: result.resourceType,
    result: result.analysis?.result,
    grants: result.analysis ? getGrantReasons(result.analysis) : [],
    denials: result.analysis ? getDenialReasons(result.analysis) : [],
    ignoredContextKeys: result.ignoredContextKeys ?? []
  }
}

async function evaluate(request) {
  const simulation = simulationOf(request)
  const response = await runSimulation(simulation, { simulationMode: 'Strict' })
  if (response.resultType === 'error') {
    return { id: request.id, result: 'Error', explanation: { errors: response.errors } }
  }
  const analyses =
    response.resultType === 'single'
      ? [{ pattern: request.resource, result: response.result }]
      : response.results.map((r) => ({ pattern: r.resourcePattern, result: r }))
  const perResource = analyses.map(({ pattern, result }) => explain(pattern, result))
  const ignored = [...new Set(perResource.flatMap((r) => r.ignoredContextKeys))]
  const notApplicable = ignored.filter((key) => !(request.action.startsWith('kms:') && ENCRYPTION_CONTEXT.test(key)))
  if (notApplicable.length > 0) {
    // A request must only carry keys AWS sets for that action, or its decision would not be AWS's.
    return {
      id: request.id,
      result: 'Error',
      explanation: { message: `context keys that do not apply to ${request.action}: ${notApplicable}`, perResource }
    }
  }
  if (ignored.length > 0) {
    const named = simulation.resourcePolicy
      ? {
          ...simulation,
          resourcePolicy: createValidatedPolicy(simulation.resourcePolicy, validateResourcePolicy, {
            name: 'resource'
          })
        }
      : simulation
    const decision = runUnsafeSimulation(named, { simulationMode: 'Strict' })
    return {
      id: request.id,
      result: decision,
      explanation: {
        decidedBy: `runUnsafeSimulation, with the encryption context ${ignored} that the validated run ignored`,
        validatedRunWithoutThoseKeys: { result: response.overallResult, perResource }
      }
    }
  }
  return {
    id: request.id,
    result: response.overallResult,
    explanation: { resultType: response.resultType, perResource }
  }
}

const requests = JSON.parse(await readStdin())
if (!Array.isArray(requests)) {
  throw new Error('stdin must be a JSON array of requests')
}
const results = []
for (const request of requests) {
  try {
    results.push(await evaluate(request))
  } catch (e) {
    results.push({ id: request.id, result: 'Error', explanation: { exception: String(e?.stack ?? e) } })
  }
}
process.stdout.write(JSON.stringify(results))
