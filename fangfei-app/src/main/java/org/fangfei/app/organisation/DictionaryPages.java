package org.fangfei.app.organisation;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dictionary editor of the system administrator.
 */
@Controller
@PreAuthorize("hasAuthority('org:dict:edit')")
class DictionaryPages {

	private final Dictionaries dictionaries;

	DictionaryPages(Dictionaries dictionaries) {
		this.dictionaries = dictionaries;
	}

	@GetMapping("/dicts/{type}")
	String page(@PathVariable String type, Model model) {
		model.addAttribute("type", type);
		model.addAttribute("types", Dictionaries.TYPES);
		model.addAttribute("items", this.dictionaries.items(type));
		return "org/dicts";
	}

	@PostMapping("/dicts/{type}")
	String save(@PathVariable String type, @RequestParam String code, @RequestParam String label,
			@RequestParam(defaultValue = "0") int sortOrder, @RequestParam(defaultValue = "false") boolean enabled,
			Model model) {
		try {
			this.dictionaries.save(type, code, label, sortOrder, enabled);
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			return page(type, model);
		}
		return "redirect:/dicts/" + type;
	}

}
