"""Both seeds' figures, written by reading the documents (line numbers are those of the
files in corpus/), not by running the parser: shared by the tests through conftest."""
from __future__ import annotations

B_ROWS_2019 = ["new_received", "carried_over", "granted", "partially_granted",
               "denied_state_secret", "denied_prohibited_by_law", "denied_three_safeties",
               "denied_third_party", "denied_internal_affairs", "denied_process_info",
               "denied_enforcement_file", "denied_inquiry", "unable_not_held",
               "unable_needs_creation", "unable_unclear", "unprocessed_petition",
               "unprocessed_duplicate", "unprocessed_publication", "unprocessed_excessive",
               "unprocessed_reconfirm", "other", "total_processed", "carried_forward"]
B_ROWS_2021 = B_ROWS_2019[:20] + ["other_no_correction", "other_no_fee", "other_misc",
                                  "total_processed", "carried_forward"]
B_COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service",
          "other_org", "total"]
C_ROWS = ["review", "litigation_direct", "litigation_after_review"]
C_COLS = ["upheld", "corrected", "other", "pending", "total"]

# Seed 000 (2019 format): Table A prints 0 everywhere (22 cells).
A_2019 = {("rules", "new_made"): 0, ("rules", "new_published"): 0, ("rules", "total_published"): 0,
          ("normative_docs", "new_made"): 0, ("normative_docs", "new_published"): 0,
          ("normative_docs", "total_published"): 0,
          ("licensing", "prev_items"): 0, ("licensing", "change"): 0, ("licensing", "decisions"): 0,
          ("other_services", "prev_items"): 0, ("other_services", "change"): 0,
          ("other_services", "decisions"): 0,
          ("punishment", "prev_items"): 0, ("punishment", "change"): 0, ("punishment", "decisions"): 0,
          ("coercion", "prev_items"): 0, ("coercion", "change"): 0, ("coercion", "decisions"): 0,
          ("fees", "prev_items"): 0, ("fees", "change"): 0,
          ("procurement", "items"): 0, ("procurement", "amount"): 0}
# Seed 003 (2021 format): 10 cells, all 0.
A_2021 = {("rules", "issued"): 0, ("rules", "repealed"): 0, ("rules", "in_force"): 0,
          ("normative_docs", "issued"): 0, ("normative_docs", "repealed"): 0,
          ("normative_docs", "in_force"): 0, ("licensing", "decisions"): 0,
          ("punishment", "decisions"): 0, ("coercion", "decisions"): 0, ("fees", "amount_wan"): 0}


def expected_2019() -> dict:
    exp = {("A",) + k: v for k, v in A_2019.items()}
    # Table B: only the 总计 column is filled (0); the six applicant columns are blank.
    for r in B_ROWS_2019:
        for c in B_COLS:
            exp[("B", r, c)] = 0 if c == "total" else None
    # Table C: 14 blank cells, then 0 in the last (复议后起诉 总计).
    for r in C_ROWS:
        for c in C_COLS:
            exp[("C", r, c)] = 0 if (r, c) == ("litigation_after_review", "total") else None
    return exp


def expected_2021() -> dict:
    exp = {("A",) + k: v for k, v in A_2021.items()}
    for r in B_ROWS_2021:
        for c in B_COLS:
            exp[("B", r, c)] = 0
    for r in C_ROWS:
        for c in C_COLS:
            exp[("C", r, c)] = 0
    return exp
