package org.fangfei.app.tip;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 举报奖励标准 per jurisdiction: the office head sets, for a region in their jurisdiction,
 * fixed amounts by clue grade or a per-mille of the amount involved with a floor and a
 * cap. The most specific region covering a tip's place applies.
 */
@Controller
class RewardRulePages {

	private final Rewards rewards;

	RewardRulePages(Rewards rewards) {
		this.rewards = rewards;
	}

	/** A rule as a line of the page, amounts in yuan. */
	record RuleRow(String region, String mode, String tiers, String perMille, String limits) {

		static RuleRow of(RewardRule r) {
			boolean tiers = r.mode() == RewardRule.Mode.TIERS;
			return new RuleRow(r.regionPrefix().isEmpty() ? "(默认)" : r.regionPrefix(), tiers ? "固定档次" : "按金额千分比",
					tiers ? yuan(r.normalFen()) + " / " + yuan(r.majorFen()) : "—",
					tiers || r.perMille() == null ? "—" : r.perMille() + "‰",
					tiers ? "—" : yuan(r.floorFen()) + " / " + (r.capFen() == null ? "不设上限" : yuan(r.capFen())));
		}

		private static String yuan(Long fen) {
			return fen == null ? "—" : Money.yuan(fen);
		}

	}

	@GetMapping("/tips/reward-rules")
	@PreAuthorize("hasAuthority('tip:reward:manage')")
	String list(Model model) {
		model.addAttribute("rules", this.rewards.rules().stream().map(RuleRow::of).toList());
		return "tips/reward-rules";
	}

	@PostMapping("/tips/reward-rules")
	@PreAuthorize("hasAuthority('tip:reward:manage')")
	String save(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String normal, @RequestParam(required = false) String major,
			@RequestParam(required = false) Integer perMille, @RequestParam(required = false) String floor,
			@RequestParam(required = false) String cap, Actor actor, RedirectAttributes redirect) {
		try {
			if (regionCode == null || !Regions12.isValid(regionCode.strip())) {
				throw new Rejected("请填写12位区划代码");
			}
			RewardRule.Mode kind = "PER_MILLE".equals(mode) ? RewardRule.Mode.PER_MILLE : RewardRule.Mode.TIERS;
			this.rewards.saveRule(new RewardRule(Regions12.prefixOf(regionCode.strip()), kind, fen(normal, "一般线索奖励"),
					fen(major, "重大线索奖励"), perMille, fen(floor, "最低金额"), fen(cap, "最高金额")), actor);
			redirect.addFlashAttribute("done", "已保存 " + regionCode.strip() + " 的举报奖励标准");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/tips/reward-rules";
	}

	/** Yuan as {@link Money} reads it; blank is none. */
	private static Long fen(String yuan, String label) {
		return Money.fen(yuan, "amount", label);
	}

}
