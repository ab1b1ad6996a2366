/** The AWS transport's mechanics: the wire format and the names of queues and topics. */
@NullMarked
package io.brighter.aws.internal;

import org.jspecify.annotations.NullMarked;
