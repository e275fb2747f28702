"""The staff questions a desk has open, oldest first (staff answer them in turn),
and how the closed ones ended (for late answers)."""

from __future__ import annotations

from dataclasses import replace

from kiosk.decision import Decision
from kiosk.news import AnswerIgnored, QuestionEnd, StaffQuestion

_IGNORED = {
    QuestionEnd.ANSWERED: AnswerIgnored.ALREADY_ANSWERED,
    QuestionEnd.TIMED_OUT: AnswerIgnored.TIMED_OUT,
    QuestionEnd.STOPPED: AnswerIgnored.TIMED_OUT,
}


class StaffQuestions:
    """Open questions by id (a question's id is its decision's); desk thread only."""

    def __init__(self, timeout: float, *, remember: int = 100) -> None:
        self._timeout = timeout
        self._remember = remember
        self._open: dict[str, StaffQuestion] = {}
        self._closed: dict[str, QuestionEnd] = {}

    def ask(self, decision: Decision, now: float) -> StaffQuestion:
        question = StaffQuestion(decision.id, decision, now + self._timeout)
        self._open[question.id] = question
        return question

    def get(self, question_id: str) -> StaffQuestion | None:
        return self._open.get(question_id)

    def for_person(self, decision: Decision) -> StaffQuestion | None:
        """The open question about the same person, if any."""
        return next((q for q in self._open.values() if q.decision.iin == decision.iin), None)

    def open(self) -> list[StaffQuestion]:
        """The open questions, oldest first."""
        return list(self._open.values())

    def shown(self) -> StaffQuestion | None:
        """The question staff answer now (the oldest open one), told with how many
        others wait behind it."""
        head = next(iter(self._open.values()), None)
        return None if head is None else replace(head, waiting=len(self._open) - 1)

    def due(self, now: float) -> list[StaffQuestion]:
        return [q for q in self._open.values() if q.deadline <= now]

    def close(self, question: StaffQuestion, end: QuestionEnd) -> None:
        del self._open[question.id]
        self._closed[question.id] = end
        if len(self._closed) > self._remember:
            self._closed.pop(next(iter(self._closed)))

    def why_not_open(self, question_id: str) -> AnswerIgnored:
        """Why an answer to a question that is not open changes nothing."""
        end = self._closed.get(question_id)
        return _IGNORED[end] if end is not None else AnswerIgnored.UNKNOWN_QUESTION
