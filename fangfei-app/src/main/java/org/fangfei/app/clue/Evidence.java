package org.fangfei.app.clue;

/**
 * A file that came with a clue from the module that raised it — a tip's attachment, a
 * patrol's photo — handed over by that module after it cleaned the file of what could
 * identify a person (EXIF with GPS, document properties; see {@code shared.Images}), so
 * the clue carries the evidence without reading another module's tables.
 *
 * @param fileName a neutral name, e.g. "举报附件1.jpg"
 * @param contentType the media type the owning module decided by content
 * @param bytes the cleaned content
 */
public record Evidence(String fileName, String contentType, byte[] bytes) {
}
