// A distribution of figures across poles (quartiles interpolated as spreadsheets' QUARTILE.INC), defined once for the
// network view's themes and key figures.
import { z } from '@hono/zod-openapi';

const score = z.number().nullable();
export const DistributionShape = z.object({ n: z.number().int(), min: score, q1: score, median: score, q3: score, max: score });
export const DistributionSchema = DistributionShape.openapi('Distribution');
