package org.fangfei.app.clue;

/**
 * Within the clue module: a save ended one step and started the next, so
 * {@link ClueNotices} tells whose turn it is after the move commits (the user who moved
 * the clue does not wait for the notices). Either step may be null.
 */
record StepsChanged(long clueId, ClueState from, ClueState to, Long finished, Long started) {
}
