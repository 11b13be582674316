/* value.h: the representation of a Lua value (runtime layer; the only runtime header the compiler knows).
**
** A Lua value is one 64-bit word, `Value`, NaN-boxed in the pointer-favouring style of JavaScriptCore's
** JSVALUE64. The word space is cut into four ranges:
**
**   0x0000_0000_0000_0000 .. 0x0000_0000_0000_00ff   constants: nil = 0, false = 1, true = 2
**   0x0000_0000_0001_0000 .. 0x0001_ffff_ffff_ffff   heap pointers, stored raw (top bits zero)
**   0x0002_0000_0000_0000 .. 0xfffa_0000_0000_0000   doubles: their IEEE bits plus 2^49
**   0xfffc_0000_0000_0000 .. 0xffff_ffff_ffff_ffff   integers in [-2^49, 2^49), two's complement in 50 bits
**
** Why raw pointers: Boehm scans memory conservatively and only recognises a word as a reference when it is the
** address itself (or an interior one). A pointer hidden under tag bits is collected while still reachable.
** Why nil = 0: memory fresh from the collector is zeroed, so a new array or hash part is all nil for free.
** Why the +2^49 offset for doubles: it moves every double, including infinities and the two canonical NaNs, out
** of the pointer range and below the integer range. Doubles are canonicalised so that any NaN with the sign bit
** set becomes 0xfff8_0000_0000_0000 (x86's default NaN, which lua5.4 prints as "-nan"); positive NaNs keep their
** bits, which stay below 0x7fff_ffff_ffff_ffff.
**
** Lua 5.4 integers are exact 64-bit values. Those outside the 50-bit immediate range live on the heap as
** immutable VmBigInt objects (tag VM_TBIGINT) compared by value; `vm_mkint` picks the form. Code that has
** unboxed an integer into an `int64_t` never boxes it until it stores it back into a Value.
**
** All access goes through the inline functions below: never test the bits of a Value by hand.
*/
#ifndef VMC_VALUE_H
#define VMC_VALUE_H

typedef unsigned long long Value;
typedef long long vm_int;              /* lua_Integer */
typedef unsigned long long vm_uint;    /* lua_Unsigned */

#define VM_NIL    ((Value)0)
#define VM_FALSE  ((Value)1)
#define VM_TRUE   ((Value)2)

#define VM_DOUBLE_OFFSET  ((Value)1 << 49)
#define VM_INT_TAG        ((Value)0xfffc000000000000ULL)
#define VM_NEG_NAN_BITS   ((Value)0xfff8000000000000ULL)
#define VM_PTR_MIN        ((Value)0x10000)

/* Type tags of heap objects: the first byte of every object the runtime allocates. */
enum {
  VM_TSTRING = 1, VM_TTABLE, VM_TFUNC, VM_TBIGINT, VM_TUSERDATA, VM_TCORO, VM_TCELL
};

/* The header every heap object starts with. */
typedef struct VmObj {
  unsigned char tt;        /* VM_T* */
  unsigned char flags;
  unsigned short extra;
} VmObj;

/* Strings up to this length are interned: two equal short strings are the same object (string.c). */
#define VM_MAXSHORTLEN 40

typedef struct VmBigInt {
  VmObj h;
  vm_int i;
} VmBigInt;

Value vm_boxint_slow(vm_int i);     /* runtime: allocates a VmBigInt */

/* Constants */
static inline int vm_isnil(Value v) { return v == VM_NIL; }
static inline int vm_isfalsy(Value v) { return v <= VM_FALSE; }
static inline int vm_istruthy(Value v) { return v > VM_FALSE; }
static inline int vm_isbool(Value v) { return v == VM_FALSE || v == VM_TRUE; }
static inline Value vm_mkbool(int b) { return b ? VM_TRUE : VM_FALSE; }

/* Heap pointers */
static inline int vm_isptr(Value v) { return v >= VM_PTR_MIN && v < VM_DOUBLE_OFFSET; }
static inline void *vm_toptr(Value v) { return (void *)(unsigned long)v; }
static inline Value vm_mkptr(const void *p) { return (Value)(unsigned long)p; }
static inline int vm_ptrtype(Value v) { return ((VmObj *)vm_toptr(v))->tt; }
static inline int vm_isobj(Value v, int tt) { return vm_isptr(v) && vm_ptrtype(v) == tt; }

/* Immediate integers */
static inline int vm_isimmint(Value v) { return v >= VM_INT_TAG; }
static inline vm_int vm_immint(Value v) { return (vm_int)(v << 14) >> 14; }
static inline int vm_fitsimm(vm_int i) { return (vm_int)((vm_uint)i << 14) >> 14 == i; }
static inline Value vm_mkimmint(vm_int i) { return VM_INT_TAG | ((Value)i & 0x0003ffffffffffffULL); }

/* Integers, immediate or boxed */
static inline int vm_isint(Value v) { return vm_isimmint(v) || vm_isobj(v, VM_TBIGINT); }
static inline vm_int vm_toint(Value v) {
  return vm_isimmint(v) ? vm_immint(v) : ((VmBigInt *)vm_toptr(v))->i;
}
static inline Value vm_mkint(vm_int i) { return vm_fitsimm(i) ? vm_mkimmint(i) : vm_boxint_slow(i); }

/* Floats */
static inline int vm_isfloat(Value v) { return v - VM_DOUBLE_OFFSET < VM_INT_TAG - VM_DOUBLE_OFFSET; }
static inline double vm_tofloat(Value v) {
  union { Value u; double d; } c;
  c.u = v - VM_DOUBLE_OFFSET;
  return c.d;
}
static inline Value vm_mkfloat(double d) {
  union { Value u; double d; } c;
  c.d = d;
  if (c.u > VM_NEG_NAN_BITS) c.u = VM_NEG_NAN_BITS;
  return c.u + VM_DOUBLE_OFFSET;
}

/* Numbers of either subtype */
static inline int vm_isnumber(Value v) { return v >= VM_DOUBLE_OFFSET || vm_isobj(v, VM_TBIGINT); }
static inline double vm_tonumber(Value v) { return vm_isfloat(v) ? vm_tofloat(v) : (double)vm_toint(v); }

/* Other object kinds */
static inline int vm_isstring(Value v) { return vm_isobj(v, VM_TSTRING); }
static inline int vm_istable(Value v) { return vm_isobj(v, VM_TTABLE); }
static inline int vm_isfunction(Value v) { return vm_isobj(v, VM_TFUNC); }

/* tcc inlines nothing: under `vmc run` every accessor above would be a call inside every fast path of vmc.h.
** For tcc the simplest ones are also expression macros (each argument used once; same meaning). */
#ifdef __TINYC__
#define vm_isnil(v) ((Value)(v) == VM_NIL)
#define vm_isfalsy(v) ((Value)(v) <= VM_FALSE)
#define vm_istruthy(v) ((Value)(v) > VM_FALSE)
#define vm_mkbool(b) ((b) ? VM_TRUE : VM_FALSE)
#define vm_toptr(v) ((void *)(unsigned long)(v))
#define vm_mkptr(p) ((Value)(unsigned long)(p))
#define vm_isimmint(v) ((Value)(v) >= VM_INT_TAG)
#define vm_immint(v) ((vm_int)((Value)(v) << 14) >> 14)
#define vm_mkimmint(i) (VM_INT_TAG | ((Value)(i) & 0x0003ffffffffffffULL))
#define vm_isfloat(v) ((Value)(v) - VM_DOUBLE_OFFSET < VM_INT_TAG - VM_DOUBLE_OFFSET)
#endif

#endif
