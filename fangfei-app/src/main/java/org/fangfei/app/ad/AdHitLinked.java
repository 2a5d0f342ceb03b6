package org.fangfei.app.ad;

import java.time.Instant;

/**
 * A screened text that scored as fundraising language was linked to a ledger subject
 * (广告资讯命中). Published in the transaction of the link, through Spring Modulith's event
 * publication registry; the risk index counts it as a signal of the subject.
 *
 * @param hitId the hit
 * @param subjectId the subject it was linked to
 * @param score the screener's score, 0–100
 * @param at when the text was published (or screened, when the source gave no time)
 */
public record AdHitLinked(long hitId, long subjectId, int score, Instant at) {
}
