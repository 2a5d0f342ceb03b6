/**
 * Ad screening (广告资讯排查): texts of advertisements and posts scored for fundraising
 * language by the plain-Java screener of {@code fangfei-detect}, hits linked to ledger
 * subjects and turned into clues (channel media/ad).
 */
@ApplicationModule(allowedDependencies = { "clue", "subject", "organisation", "audit", "shared" })
package org.fangfei.app.ad;

import org.springframework.modulith.ApplicationModule;
