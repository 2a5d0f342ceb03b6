package org.fangfei.app.credit;

import org.fangfei.app.subject.SubjectKind;

/**
 * The list's filters: text (name contains; credit code, case or clue code, document
 * number exactly), status, kind of basis, kind of subject and region.
 */
public record CreditQuery(String text, EntryStatus status, BasisKind kind, SubjectKind subjectKind, String regionCode) {
}
