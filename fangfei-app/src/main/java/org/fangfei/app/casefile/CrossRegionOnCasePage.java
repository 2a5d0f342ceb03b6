package org.fangfei.app.casefile;

import java.time.LocalDate;

import org.fangfei.app.shared.DataScope;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What self-registration and cross-region work add to the case page: the registration
 * windows with the claims waiting, the clearance ratio the recovered assets allow, the
 * five duties of 三统两分 and the cross-province register's line.
 */
@Component
class CrossRegionOnCasePage {

	private final ClaimWindows windows;

	private final ClaimDesk desk;

	private final ParticipantClaims claims;

	private final CaseDuties duties;

	private final CrossProvinceRegister register;

	CrossRegionOnCasePage(ClaimWindows windows, ClaimDesk desk, ParticipantClaims claims, CaseDuties duties,
			CrossProvinceRegister register) {
		this.windows = windows;
		this.desk = desk;
		this.claims = claims;
		this.duties = duties;
		this.register = register;
	}

	void addTo(Model model, CaseQueries.CaseView view, DataScope scope) {
		long id = view.row().id();
		model.addAttribute("claimWindows", this.windows.of(id));
		model.addAttribute("claimsWaiting", this.desk.waiting(id));
		model.addAttribute("clearanceRatio", this.claims.clearanceRatio(id));
		model.addAttribute("duties", this.duties.of(id, view.row().regionCode()));
		model.addAttribute("dutyKinds", Duty.values());
		model.addAttribute("crossLine", this.register.of(id, scope).orElse(null));
		model.addAttribute("crossRoles", CrossProvinceRegister.Role.values());
		model.addAttribute("windowStart", LocalDate.now());
	}

}
