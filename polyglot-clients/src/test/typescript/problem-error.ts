import {
  FieldError,
  Middleware,
  ProblemFromJSON,
  ResponseContext,
} from "../../../target/generated-clients/typescript-fetch";

/** An error response of the Customer API, decoded from its application/problem+json body. */
export class ProblemError extends Error {
  override name = "ProblemError";

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(`${status} ${title}: ${detail}`);
  }
}

/**
 * Middleware for the generated client that throws a ProblemError for every response whose body
 * is a problem document, so callers catch one typed error instead of reading raw responses.
 */
export const problemDetails: Middleware = {
  async post(context: ResponseContext): Promise<Response | void> {
    const contentType = context.response.headers.get("Content-Type") ?? "";
    if (context.response.ok || !contentType.startsWith("application/problem+json")) {
      return context.response;
    }

    const problem = ProblemFromJSON(await context.response.json());
    throw new ProblemError(
      problem.status ?? context.response.status,
      problem.title ?? context.response.statusText,
      problem.detail ?? "",
      problem.errors ?? [],
    );
  },
};
