/** Feature switches: which handlers guarded by {@code @FeatureSwitch} are switched on. */
@NullMarked
package io.brighter.featureswitch;

import org.jspecify.annotations.NullMarked;
