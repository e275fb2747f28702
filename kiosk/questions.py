"""Staff's Admit or Refuse: the questions a desk has open, oldest first (staff
answer them in turn), how the closed ones ended (for late answers), and the
flow that asks, tells and records them (:class:`QuestionDesk`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kiosk.decision import Decision, StaffInput
from kiosk.listeners import DeskListener
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


class QuestionDesk:
    """The desk controller's questions (desk thread only). Each assessed visit is
    recorded once, when its question closes: answered, timed out, or left open
    when the desk stops; closing forgets the question, and answers reach only
    open ones."""

    def __init__(
        self,
        questions: StaffQuestions,
        listener: DeskListener,
        record: Callable[[Decision, StaffInput | None], Decision],
        recorded: Callable[[Decision], None],
    ) -> None:
        """*record* writes an assessed visit down with staff's answer (or none);
        *recorded* is told each recorded decision (alerts, counts, the sync)."""
        self._questions = questions
        self._listener = listener
        self._record = record
        self._recorded = recorded
        self._told: StaffQuestion | None = None

    def ask(self, decision: Decision, now: float) -> StaffQuestion:
        """The person's open question (shown again while staff decide), or a new
        one behind those asked before it."""
        return self._questions.for_person(decision) or self._questions.ask(decision, now)

    def tell(self, asked: StaffQuestion | None = None) -> None:
        """Tell the question staff answer now, with how many wait behind it, when
        that changed, or when it is *asked* (its visitor was seen again)."""
        shown = self._questions.shown()
        again = asked is not None and shown is not None and shown.id == asked.id
        if shown is not None and (again or shown != self._told):
            self._listener.question_asked(shown)
        self._told = shown

    def answer(self, question_id: str, staff: StaffInput) -> Decision | None:
        """Staff's answer: the recorded decision, or None when the question is not
        open (a double tap, a late answer: told as ignored)."""
        question = self._questions.get(question_id)
        if question is None:
            why = self._questions.why_not_open(question_id)
            self._listener.answer_ignored(question_id, why)
            return None
        return self._close(question, staff, QuestionEnd.ANSWERED)

    def time_out(self, now: float) -> None:
        """Record the questions unanswered past their deadline as `ask_staff`."""
        due = self._questions.due(now)
        for question in due:
            self._close(question, None, QuestionEnd.TIMED_OUT, tell_next=False)
        if due:
            self.tell()

    def stop(self) -> None:
        """The desk is stopping: every open question is recorded as it stands."""
        for question in self._questions.open():
            self._close(question, None, QuestionEnd.STOPPED, tell_next=False)

    def _close(
        self,
        question: StaffQuestion,
        staff: StaffInput | None,
        end: QuestionEnd,
        *,
        tell_next: bool = True,
    ) -> Decision:
        self._questions.close(question, end)
        decision = self._record(question.decision, staff)
        self._listener.question_closed(question.id, end, decision)
        self._recorded(decision)
        if tell_next:
            self.tell()
        return decision
