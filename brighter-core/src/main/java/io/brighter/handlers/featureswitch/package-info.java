/** The handlers behind {@link io.brighter.handlers.FeatureSwitch}. */
@NullMarked
package io.brighter.handlers.featureswitch;

import org.jspecify.annotations.NullMarked;
