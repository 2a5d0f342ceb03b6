package org.fangfei.app.clue;

/**
 * Within the clue module: a save ended one step and started the next, so
 * {@link ClueNotices} tells whose turn it is, in the move's transaction. Either step may
 * be null.
 */
record StepsChanged(long clueId, ClueState from, ClueState to, Long finished, Long started) {
}
