package org.fangfei.app.ad;

import java.time.OffsetDateTime;

/**
 * One text to screen, as pasted, uploaded or sent to the API.
 *
 * @param url where it was found, optional
 * @param title its title, optional
 * @param text the text itself
 * @param publishedAt when it was published, optional
 */
public record PostInput(String url, String title, String text, OffsetDateTime publishedAt) {
}
