// The generic operation form of MLIR's textual IR (mlir.llvm.org/docs/LangRef).
// Builtin types and attributes are spelled out; dialect types and attributes keep
// their bracketed text. Tokens that MLIR splits contextually (the "4x" of shapes,
// "[4]x" of scalable vectors, "*x" of unranked types) are lexed as units here.
grammar Mlir;

topLevel : topEntity* EOF ;

topEntity : attributeAliasDef | typeAliasDef | operation ;

attributeAliasDef : HASH_ID '=' attribute ;
typeAliasDef : BANG_ID '=' type ;

operation
  : opResultList? opName=STRING '(' valueUseList? ')' successorList? properties? regionList?
    attributeDict? ':' functionType trailingLocation?
  ;
opResultList : opResult (',' opResult)* '=' ;
opResult : VALUE_ID (':' INT)? ;
valueUseList : VALUE_ID (',' VALUE_ID)* ;
successorList : '[' CARET_ID (',' CARET_ID)* ']' ;
properties : '<' attributeDict '>' ;
regionList : '(' region (',' region)* ')' ;
region : '{' operation* labeledBlock* '}' ;
labeledBlock : blockLabel operation* ;
blockLabel : CARET_ID ('(' (blockArg (',' blockArg)*)? ')')? ':' ;
blockArg : VALUE_ID ':' type trailingLocation? ;

trailingLocation : 'loc' '(' location ')' ;
location
  : 'unknown'                                                   # unknownLoc
  | STRING ':' INT ':' INT                                      # fileLineColLoc
  | STRING ('(' location ')')?                                  # nameLoc
  | 'callsite' '(' location 'at' location ')'                   # callSiteLoc
  | 'fused' ('<' attribute '>')? '[' location (',' location)* ']'  # fusedLoc
  | HASH_ID                                                     # locAlias
  ;

attributeDict : '{' (attributeEntry (',' attributeEntry)*)? '}' ;
attributeEntry : (bareId | STRING) ('=' attribute)? ;

attribute
  : HASH_ID dialectBody?                                        # hashAttr
  | ('true' | 'false')                                          # boolAttr
  | 'unit'                                                      # unitAttr
  | '-'? (INT | HEX_INT) (':' type)?                            # intAttr
  | '-'? FLOAT_LIT (':' type)?                                  # floatAttr
  | STRING (':' type)?                                          # stringAttr
  | '[' (attribute (',' attribute)*)? ']'                       # arrayAttr
  | attributeDict                                               # dictAttr
  | 'dense' '<' denseBody? '>' ':' type                         # denseAttr
  | 'array' '<' type (':' arrayElement (',' arrayElement)*)? '>'  # denseArrayAttr
  | 'affine_map' '<' affineMap '>'                              # affineMapAttr
  | 'strided' '<' '[' (strideValue (',' strideValue)*)? ']' (',' 'offset' ':' strideValue)? '>'  # stridedAttr
  | SYMBOL_REF ('::' SYMBOL_REF)*                               # symbolRefAttr
  | 'loc' '(' location ')'                                      # locationAttr
  | type                                                        # typeAttr
  ;

denseBody : STRING | denseLiteral ;
denseLiteral : '[' (denseLiteral (',' denseLiteral)*)? ']' | scalarLiteral ;
scalarLiteral : '-'? (INT | HEX_INT | FLOAT_LIT) | 'true' | 'false' ;
arrayElement : scalarLiteral ;
strideValue : '?' | '-'? INT ;

affineMap : '(' (bareId (',' bareId)*)? ')' ('[' (bareId (',' bareId)*)? ']')? '->' '(' (affineExpr (',' affineExpr)*)? ')' ;
affineExpr
  : '-' affineExpr                                              # affineNeg
  | affineExpr op=('*' | 'floordiv' | 'ceildiv' | 'mod') affineExpr  # affineMulLike
  | affineExpr op=('+' | '-') affineExpr                        # affineAddLike
  | '(' affineExpr ')'                                          # affineParen
  | bareId                                                      # affineId
  | INT                                                         # affineConst
  ;

dialectBody : '<' balanced* '>' ;
balanced
  : '<' balanced* '>' | '(' balanced* ')' | '[' balanced* ']' | '{' balanced* '}'
  | ~('<' | '>' | '(' | ')' | '[' | ']' | '{' | '}')
  ;

type : functionType | nonFunctionType ;
functionType : '(' typeList? ')' '->' functionResults ;
functionResults : '(' typeList? ')' | nonFunctionType ;
typeList : type (',' type)* ;
nonFunctionType
  : BANG_ID dialectBody?                                        # bangType
  | INT_TYPE                                                    # integerType
  | FLOAT_TYPE                                                  # floatType
  | 'index'                                                     # indexType
  | 'none'                                                      # noneType
  | 'complex' '<' type '>'                                      # complexType
  | 'tuple' '<' typeList? '>'                                   # tupleType
  | 'tensor' '<' shapedBody '>'                                 # tensorType
  | 'memref' '<' shapedBody '>'                                 # memrefType
  | 'vector' '<' shapedBody '>'                                 # vectorType
  ;
shapedBody
  : UNRANKED type (',' attribute)*
  | (DIM_LIST | SCALABLE_DIMS)* type (',' attribute)*
  | HEX_INT (',' attribute)*
  ;

bareId
  : BARE_ID | INT_TYPE | FLOAT_TYPE | 'loc' | 'unknown' | 'callsite' | 'at' | 'fused' | 'true' | 'false'
  | 'unit' | 'dense' | 'array' | 'affine_map' | 'strided' | 'offset' | 'floordiv' | 'ceildiv' | 'mod'
  | 'index' | 'none' | 'complex' | 'tuple' | 'tensor' | 'memref' | 'vector'
  ;

// ---- lexer

ARROW : '->' ;
// Dialect resources are not supported; lexed so that the error can say so.
FILE_METADATA : '{-#' ;
UNRANKED : '*x' ;
DIM_LIST : DIM 'x' (DIM 'x')* ;
// MLIR 16's trailing run of scalable vector dimensions, "[4]x" or "[4x8]x", also as one token.
SCALABLE_DIMS : '[' [0-9]+ ('x' [0-9]+)* ']x' ;
fragment DIM : [0-9]+ | '?' ;
HEX_INT : '0x' [0-9a-fA-F]+ ;
FLOAT_LIT : [0-9]+ '.' [0-9]* ([eE] [-+]? [0-9]+)? ;
INT : [0-9]+ ;
INT_TYPE : [su]? 'i' [1-9] [0-9]* ;
FLOAT_TYPE : 'f16' | 'bf16' | 'f32' | 'f64' | 'f80' | 'f128' | 'tf32' ;
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
VALUE_ID : '%' SUFFIX_ID ('#' [0-9]+)? ;
CARET_ID : '^' SUFFIX_ID ;
HASH_ID : '#' [a-zA-Z_$.] [a-zA-Z0-9_$.\-]* ;
BANG_ID : '!' [a-zA-Z_$.] [a-zA-Z0-9_$.\-]* ;
SYMBOL_REF : '@' ([a-zA-Z_$.] [a-zA-Z0-9_$.\-]* | '"' (~["\\\r\n] | '\\' ~[\r\n])* '"') ;
fragment SUFFIX_ID : [0-9]+ | [a-zA-Z_$.\-] [a-zA-Z0-9_$.\-]* ;

LOC : 'loc' ;
UNKNOWN : 'unknown' ;
BARE_ID : [a-zA-Z_] [a-zA-Z0-9_$.]* ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
ERROR_CHAR : . ;
