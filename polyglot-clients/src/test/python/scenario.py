"""Drive the Customer API through the gateway with the generated Python client.

The steps are create, read twice (the second read is a cache hit), update, find by email
and delete. A last create with an invalid email must fail with a 400 problem. The script
prints one line for each step that passes and exits with status 1 at the first mismatch.

Usage: python3 scenario.py GATEWAY_URL BEARER_TOKEN, with the generated client's folder on
PYTHONPATH.
"""

import re
import sys
import uuid

from customer_api_client import ApiClient, Configuration, CustomersApi
from customer_api_client.exceptions import ApiException
from customer_api_client.models import Customer, CustomerUpdate, Problem

VERSION = "2.0"
# Connect and read timeouts of each request, in seconds.
REQUEST_TIMEOUT = (5, 10)


class Mismatch(Exception):
    """A step whose result differs from the expected one."""


class ProblemError(Exception):
    """An error response of the Customer API, decoded from its application/problem+json body."""

    def __init__(self, status, title, detail, errors):
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors

    @classmethod
    def from_api_exception(cls, error):
        """Decode the problem document of a failed call, or return None when it has none."""
        content_type = (error.headers or {}).get("Content-Type", "")
        if not content_type.startswith("application/problem+json"):
            return None
        problem = Problem.from_json(error.body)
        return cls(
            problem.status or error.status,
            problem.title or error.reason,
            problem.detail or "",
            problem.errors or [],
        )


def check(condition, message):
    if not condition:
        raise Mismatch(message)


def call(operation, *args, **kwargs):
    """Call an operation of the generated client, raising ProblemError for a problem response."""
    try:
        return operation(*args, _request_timeout=REQUEST_TIMEOUT, **kwargs)
    except ApiException as error:
        problem = ProblemError.from_api_exception(error)
        if problem is None:
            raise
        raise problem from error


def expect_problem(status, operation, *args, **kwargs):
    try:
        call(operation, *args, **kwargs)
    except ProblemError as problem:
        check(problem.status == status, f"expected status {status}, got {problem}")
        return problem
    raise Mismatch(f"expected a {status} problem, but the call succeeded")


def create(api, suffix):
    email = f"dorothy.vaughan.{suffix}@example.com"
    draft = Customer(
        first_name="Dorothy",
        last_name="Vaughan",
        email=email,
        external_id=f"py-scenario-{suffix}",
        allow_email=True,
    )
    draft.additional_properties["cf_loyalty_tier"] = "gold"

    created = call(api.create_customer, VERSION, draft)

    check(created.id is not None and created.id > 0, f"created customer has no id: {created.id}")
    check(created.public_id is not None, "created customer has no public_id")
    check(created.email == email, f"created email is {created.email}")
    check(created.allow_post is False, f"allow_post defaults to {created.allow_post}")
    tier = created.additional_properties.get("cf_loyalty_tier")
    check(tier == "gold", f"cf_loyalty_tier is {tier}")
    return created


def read(api, created):
    response = call(api.get_customer_with_http_info, created.id, VERSION)

    check(response.data.first_name == "Dorothy", f"read first_name is {response.data.first_name}")
    return f"customer {created.id}, X-Cache {response.headers.get('X-Cache')}"


def read_again(api, created):
    response = call(api.get_customer_with_http_info, created.id, VERSION)

    x_cache = response.headers.get("X-Cache")
    cache_status = response.headers.get("Cache-Status", "")
    check(x_cache == "HIT", f"second read has X-Cache {x_cache}, expected HIT")
    check(re.search(r";\s*hit\b", cache_status), f"second read has Cache-Status '{cache_status}'")
    return f"X-Cache {x_cache}, Cache-Status {cache_status}"


def update(api, created):
    updated = call(api.update_customer, created.id, VERSION, CustomerUpdate(city="Hampton"))

    check(updated.city == "Hampton", f"updated city is {updated.city}")
    check(updated.allow_email is True, "update cleared allow_email, which it did not send")
    return f"city {updated.city}"


def find_by_email(api, created):
    found = call(api.find_customers, VERSION, email=created.email)

    ids = [customer.id for customer in found]
    check(ids == [created.id], f"find by email returned ids {ids}")
    return f"customer {ids[0]}"


def delete(api, created):
    call(api.delete_customer, created.id, VERSION)

    not_found = expect_problem(404, api.get_customer, created.id, VERSION)
    return f"customer {created.id}, then {not_found.status} {not_found.title}"


def invalid_email(api):
    draft = Customer(first_name="Invalid", email="not-an-email")

    problem = expect_problem(400, api.create_customer, VERSION, draft)

    check(problem.title == "Bad Request", f"problem title is '{problem.title}'")
    check(problem.detail, "problem has no detail")
    pointers = [error.pointer for error in problem.errors]
    check("/email" in pointers, f"problem errors point at {pointers}, not /email")
    return f"{problem.status} {problem.title}, errors at [{', '.join(pointers)}]"


def step(name, action, describe=str):
    """Run one step, print its outcome and return its result. A failed step stops the scenario."""
    try:
        result = action()
    except Exception as error:
        raise Mismatch(f"{name}: {type(error).__name__}: {error}") from error
    print(f"PASS {name}: {describe(result)}", flush=True)
    return result


def main(args):
    if len(args) != 2:
        raise Mismatch("usage: python3 scenario.py GATEWAY_URL BEARER_TOKEN")
    configuration = Configuration(host=args[0], access_token=args[1])
    suffix = uuid.uuid4().hex[:8]

    with ApiClient(configuration) as api_client:
        api = CustomersApi(api_client)
        customer = step("create", lambda: create(api, suffix), lambda c: f"customer {c.id}")
        step("read", lambda: read(api, customer))
        step("cache hit", lambda: read_again(api, customer))
        step("update", lambda: update(api, customer))
        step("find by email", lambda: find_by_email(api, customer))
        step("delete", lambda: delete(api, customer))
        step("invalid email", lambda: invalid_email(api))
    print("Python scenario passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Mismatch as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        sys.exit(1)
