package org.fangfei.app.subject;

/**
 * A subject's fields were edited (修改风险主体). Published in the transaction of the edit,
 * through Spring Modulith's event publication registry, so an
 * {@code @ApplicationModuleListener} receives it once the edit is committed, and again
 * after a failure. Listeners keep their own copy of what they need instead of reading the
 * subject table; {@code version} grows with every edit of a subject, so a listener keeps
 * a change only when it is newer than the one it has (deliveries may come late or twice).
 *
 * @param subjectId the subject
 * @param version the subject's version after the edit
 * @param name its name
 * @param regionCode its region
 * @param sectorCode its sector, or null
 */
public record SubjectChanged(long subjectId, long version, String name, String regionCode, String sectorCode) {
}
