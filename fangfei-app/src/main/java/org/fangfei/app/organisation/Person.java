package org.fangfei.app.organisation;

/**
 * A person as shown: phone and ID number masked only, never decrypted for display.
 */
public record Person(long id, String name, PersonRole role, String regionCode, String regionName, Long gridId,
		String gridName, Long departmentId, String departmentName, String phoneMasked, String idNumberMasked,
		boolean enabled) {
}
