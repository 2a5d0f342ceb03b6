/**
 * A second, independent generator of transfers
 * ({@link org.fangfei.detect.archetype.Archetypes}): scheme archetypes modelled on
 * documented cases (钱宝网, e租宝, 善心汇, 养老 memberships, co-operatives taking deposits, 消费返利,
 * 虚拟币 "mining", run-offs), their legitimate look-alikes and ordinary life, with a truth
 * file labelling every account. Written before the rules were tuned against it, and kept
 * apart from them: nothing here names the {@code engine} or {@code generate} package (a
 * test enforces it).
 */
package org.fangfei.detect.archetype;
