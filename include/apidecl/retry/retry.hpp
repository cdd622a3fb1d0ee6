#ifndef APIDECL_RETRY_RETRY_HPP
#define APIDECL_RETRY_RETRY_HPP

/// Retries: the Retry requirement, the ready policies and the layers that compose them, and the
/// Clock and Sleeper requirements with their models.
#include <apidecl/clock/sleeper.hpp>
#include <apidecl/clock/system_sleeper.hpp>
#include <apidecl/clock/test_clock.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/exponential_backoff.hpp>
#include <apidecl/retry/fixed_delay.hpp>
#include <apidecl/retry/honour_retry_after.hpp>
#include <apidecl/retry/layer.hpp>
#include <apidecl/retry/no_retry.hpp>
#include <apidecl/retry/on_retry.hpp>
#include <apidecl/retry/retry_budget.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/retry/retry_non_idempotent.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/retry/retry_statuses.hpp>
#include <apidecl/retry/retryable_statuses.hpp>
#include <apidecl/retry/rules.hpp>
#include <apidecl/retry/splitmix64.hpp>
#include <apidecl/retry/with_deadline.hpp>
#include <apidecl/types/retry_after.hpp>

#endif
