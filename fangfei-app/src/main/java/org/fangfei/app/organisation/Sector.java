package org.fangfei.app.organisation;

/**
 * A key sector (重点领域/行业) from the editable dictionary.
 */
public record Sector(String code, String label) {
}
