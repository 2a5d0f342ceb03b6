package org.fangfei.app.credit;

import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public list (失信企业名单公示), open without an account when the county turns it on
 * ({@link CreditSettings#PUBLIC_LIST}, off by default): enterprises currently listed,
 * with their credit code, basis and period — never a person, never an ID number. Off, the
 * page does not exist (404).
 */
@Controller
class PublicCreditPages {

	private final CreditEntries entries;

	private final CreditSettings settings;

	PublicCreditPages(CreditEntries entries, CreditSettings settings) {
		this.entries = entries;
		this.settings = settings;
	}

	@GetMapping("/credit/public")
	String list(@RequestParam(required = false) String name, @RequestParam(defaultValue = "1") int page, Model model) {
		if (!this.settings.publicList()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "失信企业名单未公开");
		}
		String clean = name == null ? "" : name.strip();
		if (clean.length() > 100) {
			clean = clean.substring(0, 100);
		}
		model.addAttribute("name", clean);
		model.addAttribute("result", this.entries.publicEnterprises(clean, PageRequest.of(page)));
		return "credit/public";
	}

}
