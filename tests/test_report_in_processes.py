import os

import pytest

from framing.report.in_processes import map_in_order

OUTLETS = ["RT", "TASS", "The Moscow Times", "Fort Russ News", "BBC"]


def _described(outlet):
    return f"{outlet}: {len(outlet.split())} word(s)", os.getpid()


def test_forked_workers_give_the_results_in_order():
    with map_in_order(_described, OUTLETS, jobs=2) as results:
        found = list(results)
    assert [text for text, _ in found] == [_described(outlet)[0] for outlet in OUTLETS]
    assert os.getpid() not in {pid for _, pid in found}  # done in the workers


def test_one_job_is_done_in_this_process():
    with map_in_order(_described, OUTLETS, jobs=1) as results:
        assert {pid for _, pid in results} == {os.getpid()}


def test_workers_inherit_what_the_function_reads():
    # Nothing but the item's position is sent: a closure over this process's data works in the workers.
    lengths = {outlet: len(outlet) for outlet in OUTLETS}
    with map_in_order(lambda outlet: lengths[outlet], OUTLETS, jobs=2) as results:
        assert list(results) == [2, 4, 16, 14, 3]


def _fails_on_tass(outlet):
    if outlet == "TASS":
        raise ValueError(f"{outlet}: no articles")
    return outlet


def test_an_error_in_a_worker_is_raised_at_its_item():
    with map_in_order(_fails_on_tass, OUTLETS, jobs=2) as results:
        assert next(results) == "RT"
        with pytest.raises(ValueError, match="TASS: no articles"):
            next(results)


def _dies(outlet):
    os._exit(1)  # a worker killed (out of memory) while it writes


def test_a_worker_that_dies_is_a_worker_error_that_says_what_to_do():
    from framing.errors import WorkerError

    with map_in_order(_dies, OUTLETS, jobs=2) as results:
        with pytest.raises(WorkerError, match="--jobs 1"):
            next(results)
