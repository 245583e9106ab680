import { describe, expect, it } from "vitest";
import { cnpjFromBase, cpfFromBase, formatDocument, isValidCnpj, isValidCpf, normalizeDocument } from "./document";

describe("CPF", () => {
  it("accepts a known valid CPF, masked or not", () => {
    expect(isValidCpf("529.982.247-25")).toBe(true);
    expect(isValidCpf("52998224725")).toBe(true);
  });

  it.each(["529.982.247-24", "529.982.247-15", "529.982.247-52"])("rejects wrong check digits: %s", (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });

  it.each(["000.000.000-00", "111.111.111-11", "99999999999"])("rejects repeated digits: %s", (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });

  it("rejects the wrong length", () => {
    expect(isValidCpf("5299822472")).toBe(false);
    expect(isValidCpf("529982247250")).toBe(false);
    expect(isValidCpf("")).toBe(false);
  });

  it("cpfFromBase appends the right check digits", () => {
    expect(cpfFromBase("529982247")).toBe("52998224725");
    for (const base of ["100000000", "123456789", "987654321", "100079190", "400000003"]) {
      const cpf = cpfFromBase(base);
      expect(cpf).toHaveLength(11);
      expect(cpf.startsWith(base)).toBe(true);
      expect(isValidCpf(cpf)).toBe(true);
    }
  });
});

describe("CNPJ", () => {
  it("accepts a known valid CNPJ, masked or not", () => {
    expect(isValidCnpj("11.222.333/0001-81")).toBe(true);
    expect(isValidCnpj("11222333000181")).toBe(true);
  });

  it.each(["11.222.333/0001-80", "11.222.333/0001-91", "11.222.333/0001-18"])("rejects wrong check digits: %s", (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });

  it.each(["00.000.000/0000-00", "11111111111111"])("rejects repeated digits: %s", (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });

  it("cnpjFromBase appends the right check digits", () => {
    expect(cnpjFromBase("112223330001")).toBe("11222333000181");
    for (const base of ["112223330002", "445556660001", "100000000001", "123456780001"]) {
      const cnpj = cnpjFromBase(base);
      expect(cnpj).toHaveLength(14);
      expect(cnpj.startsWith(base)).toBe(true);
      expect(isValidCnpj(cnpj)).toBe(true);
    }
  });
});

describe("normalizeDocument", () => {
  it("returns the digits of a valid CPF or CNPJ", () => {
    expect(normalizeDocument("529.982.247-25")).toBe("52998224725");
    expect(normalizeDocument(" 11.222.333/0001-81 ")).toBe("11222333000181");
  });

  it("returns null for anything else", () => {
    expect(normalizeDocument("529.982.247-24")).toBeNull();
    expect(normalizeDocument("111.111.111-11")).toBeNull();
    expect(normalizeDocument("1234")).toBeNull();
    expect(normalizeDocument("")).toBeNull();
  });
});

describe("formatDocument", () => {
  it("masks CPF and CNPJ", () => {
    expect(formatDocument("52998224725")).toBe("529.982.247-25");
    expect(formatDocument("11222333000181")).toBe("11.222.333/0001-81");
  });

  it("leaves other values as they are and shows nothing for none", () => {
    expect(formatDocument("12345")).toBe("12345");
    expect(formatDocument(null)).toBe("");
    expect(formatDocument(undefined)).toBe("");
  });
});
