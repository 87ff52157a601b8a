/**
 * Drives the Customer API through the gateway with the generated TypeScript client. The steps are
 * create, read twice (the second read is a cache hit), update, find by email and delete. A last
 * create with an invalid email must fail with a 400 problem. The program prints one line for each
 * step that passes and exits with status 1 at the first mismatch.
 *
 * Usage: node scenario.js GATEWAY_URL BEARER_TOKEN
 */
import { randomUUID } from "node:crypto";
import {
  Configuration,
  Customer,
  CustomersApi,
  GetCustomerXApiVersionEnum,
} from "../../../target/generated-clients/typescript-fetch";
import { ProblemError, problemDetails } from "./problem-error";

const VERSION = GetCustomerXApiVersionEnum._20;
const REQUEST_TIMEOUT_MS = 10_000;

/** A step whose result differs from the expected one. */
class Mismatch extends Error {
  override name = "Mismatch";
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Mismatch(message);
  }
}

/** Runs one step, prints its outcome and returns its result. A failed step stops the scenario. */
async function step<T>(
  name: string,
  action: () => Promise<T>,
  describe: (result: T) => string = String,
): Promise<T> {
  let result: T;
  try {
    result = await action();
  } catch (error) {
    throw new Mismatch(`${name}: ${describeError(error)}`);
  }
  console.log(`PASS ${name}: ${describe(result)}`);
  return result;
}

/** Describes an error with its cause, because the client's FetchError hides the network error. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const description = `${error.name}: ${error.message}`;
  return error.cause === undefined ? description : `${description} (${describeError(error.cause)})`;
}

function client(baseUrl: string, token: string): CustomersApi {
  return new CustomersApi(
    new Configuration({
      basePath: baseUrl,
      accessToken: token,
      middleware: [problemDetails],
      fetchApi: (url, init) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
    }),
  );
}

async function expectProblem(call: Promise<unknown>, status: number): Promise<ProblemError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ProblemError) {
      check(error.status === status, `expected status ${status}, got ${error.message}`);
      return error;
    }
    throw error;
  }
  throw new Mismatch(`expected a ${status} problem, but the call succeeded`);
}

async function create(api: CustomersApi, suffix: string): Promise<Customer> {
  const email = `katherine.johnson.${suffix}@example.com`;
  const created = await api.createCustomer({
    xApiVersion: VERSION,
    customer: {
      first_name: "Katherine",
      last_name: "Johnson",
      email,
      external_id: `ts-scenario-${suffix}`,
      allow_email: true,
      cf_loyalty_tier: "gold",
    },
  });

  check(created.id !== undefined && created.id > 0, `created customer has no id: ${created.id}`);
  check(created.public_id !== undefined, "created customer has no public_id");
  check(created.email === email, `created email is ${created.email}`);
  check(created.allow_post === false, `allow_post defaults to ${created.allow_post}`);
  check(created["cf_loyalty_tier"] === "gold", `cf_loyalty_tier is ${created["cf_loyalty_tier"]}`);
  return created;
}

async function read(api: CustomersApi, created: Customer): Promise<string> {
  const id = created.id!;
  const first = await api.getCustomerRaw({ id, xApiVersion: VERSION });
  const customer = await first.value();
  check(customer.first_name === "Katherine", `read first_name is ${customer.first_name}`);
  return `customer ${id}, X-Cache ${first.raw.headers.get("X-Cache")}`;
}

async function readAgain(api: CustomersApi, created: Customer): Promise<string> {
  const second = await api.getCustomerRaw({ id: created.id!, xApiVersion: VERSION });
  const xCache = second.raw.headers.get("X-Cache");
  const cacheStatus = second.raw.headers.get("Cache-Status") ?? "";
  check(xCache === "HIT", `second read has X-Cache ${xCache}, expected HIT`);
  check(/;\s*hit\b/.test(cacheStatus), `second read has Cache-Status '${cacheStatus}'`);
  return `X-Cache ${xCache}, Cache-Status ${cacheStatus}`;
}

async function update(api: CustomersApi, created: Customer): Promise<string> {
  const updated = await api.updateCustomer({
    id: created.id!,
    xApiVersion: VERSION,
    customerUpdate: { city: "Hampton" },
  });

  check(updated.city === "Hampton", `updated city is ${updated.city}`);
  check(updated.allow_email === true, "update cleared allow_email, which it did not send");
  return `city ${updated.city}`;
}

async function findByEmail(api: CustomersApi, created: Customer): Promise<string> {
  const found = await api.findCustomers({ xApiVersion: VERSION, email: created.email });

  const ids = found.map((customer) => customer.id);
  check(ids.length === 1 && ids[0] === created.id, `find by email returned ids [${ids}]`);
  return `customer ${ids[0]}`;
}

async function remove(api: CustomersApi, created: Customer): Promise<string> {
  const id = created.id!;
  await api.deleteCustomer({ id, xApiVersion: VERSION });

  const notFound = await expectProblem(api.getCustomer({ id, xApiVersion: VERSION }), 404);
  return `customer ${id}, then ${notFound.status} ${notFound.title}`;
}

async function invalidEmail(api: CustomersApi): Promise<string> {
  const call = api.createCustomer({
    xApiVersion: VERSION,
    customer: { first_name: "Invalid", email: "not-an-email" },
  });

  const problem = await expectProblem(call, 400);
  check(problem.title === "Bad Request", `problem title is '${problem.title}'`);
  check(problem.detail.length > 0, "problem has no detail");
  const pointers = problem.errors.map((error) => error.pointer);
  check(pointers.includes("/email"), `problem errors point at [${pointers}], not /email`);
  return `${problem.status} ${problem.title}, errors at [${pointers}]`;
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 2) {
    throw new Mismatch("usage: node scenario.js GATEWAY_URL BEARER_TOKEN");
  }
  const api = client(args[0], args[1]);
  const suffix = randomUUID().slice(0, 8);

  const created = await step(
    "create",
    () => create(api, suffix),
    (customer) => `customer ${customer.id}`,
  );
  await step("read", () => read(api, created));
  await step("cache hit", () => readAgain(api, created));
  await step("update", () => update(api, created));
  await step("find by email", () => findByEmail(api, created));
  await step("delete", () => remove(api, created));
  await step("invalid email", () => invalidEmail(api));
  console.log("TypeScript scenario passed");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`FAIL ${message}`);
  process.exit(1);
});
