import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().email("email"),
  password: z.string().min(1, "passwordRequired"),
});
